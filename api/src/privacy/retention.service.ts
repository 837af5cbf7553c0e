import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { SESSION_IDLE_SECONDS } from '../auth/sessions.service.js';
import { DocumentRecordsService } from '../documents/document-records.service.js';

export const REPORT_RETENTION_DAYS = 365;

/** How long each kind of record is kept once it has no use; docs/privacy.md explains each. */
export const RETENTION = {
  /** Sessions past their absolute or idle end. */
  endedSessions: `expires_at < now() OR last_seen_at < now() - interval '${SESSION_IDLE_SECONDS} seconds'`,
  /** Failed sign-ins older than an hour: the throttle only looks at the last minute. */
  oldSignInFailures: `at < now() - interval '1 hour'`,
  /** Reports of conduct, once a year old: long enough for the city to follow one up and to see a pattern. */
  oldConsultationReports: `at < now() - interval '${REPORT_RETENTION_DAYS} days'`,
  oldPresenceReports: `at < now() - interval '${REPORT_RETENTION_DAYS} days'`,
} as const;

const TABLE: Record<keyof typeof RETENTION, string> = {
  endedSessions: 'user_session',
  oldSignInFailures: 'auth_failure',
  oldConsultationReports: 'consultation_report',
  oldPresenceReports: 'presence_report',
};
const EVERY_MS = 60 * 60 * 1000;

/** Files (bytes on disk, not rows) are the documents module's: closed submissions' files, abandoned uploads. */
export type RetentionReport = Record<keyof typeof RETENTION, number> & Awaited<ReturnType<DocumentRecordsService['retention']>>;

/** Deletes what is past its retention period: hourly in the app, or by hand with `npm run retention`. */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly documents: DocumentRecordsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(
      () => void this.run({ dryRun: false }, { actorId: null, source: 'system', requestId: null }).catch(() => undefined),
      EVERY_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** With dryRun, only counts what would go. */
  async run({ dryRun }: { dryRun: boolean }, context: AuditContext): Promise<RetentionReport> {
    const report = {} as RetentionReport;
    for (const kind of Object.keys(RETENTION) as (keyof typeof RETENTION)[]) {
      const sql = dryRun
        ? `SELECT count(*)::int AS n FROM ${TABLE[kind]} WHERE ${RETENTION[kind]}`
        : `WITH gone AS (DELETE FROM ${TABLE[kind]} WHERE ${RETENTION[kind]} RETURNING 1) SELECT count(*)::int AS n FROM gone`;
      const [row] = await this.dataSource.query<{ n: number }[]>(sql);
      report[kind] = row?.n ?? 0;
    }
    Object.assign(report, await this.documents.retention(dryRun));
    if (!dryRun)
      await this.audit.record(context, {
        action: 'privacy.retention',
        objectType: 'retention',
        objectId: JSON.stringify(report).slice(0, 64),
      });
    return report;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One report, as the city's admins see it; a person erased since shows as null. */
export interface ReportRecord {
  kind: 'consultation' | 'presence';
  id: string;
  reason: string;
  createdAt: string;
  reporterId: string | null;
  /** For a consultation report: the other side of the consultation, when the reporter is still known. */
  reportedId: string | null;
  consultationId: string | null;
}

/** What a person reported, for their data export: never who they reported in the hall. */
export interface ReportsMade {
  consultationReports: { consultationId: string; reason: string; createdAt: string }[];
  presenceReports: { hallId: string; reason: string; createdAt: string }[];
}

/**
 * Both kinds of report people make — of the other side of a consultation, of a visitor in the virtual hall — read
 * together: for the admins' list, a person's export and their erasure. Each kind is written by its own module.
 */
@Injectable()
export class ReportsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, both kinds interleaved; ties broken by id so pages never overlap. */
  async list(limit: number, offset: number): Promise<ReportRecord[]> {
    const rows = await this.dataSource.query<(Omit<ReportRecord, 'createdAt'> & { createdAt: Date })[]>(
      `SELECT * FROM (
         SELECT 'consultation' AS kind, r.id, r.reason, r.at AS "createdAt", r.reporter_id AS "reporterId",
                CASE WHEN r.reporter_id = k.citizen_id THEN k.official_id
                     WHEN r.reporter_id = k.official_id THEN k.citizen_id END AS "reportedId",
                r.consultation_id AS "consultationId"
           FROM consultation_report r JOIN consultation k ON k.id = r.consultation_id
         UNION ALL
         SELECT 'presence', p.id, p.reason, p.at, p.reporter_id, p.reported_id, NULL FROM presence_report p
       ) reports ORDER BY "createdAt" DESC, id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }

  async exportOf(userId: string): Promise<ReportsMade> {
    const [consultationReports, presenceReports] = await Promise.all([
      this.dataSource.query<{ consultationId: string; reason: string; createdAt: Date }[]>(
        `SELECT consultation_id AS "consultationId", reason, at AS "createdAt" FROM consultation_report WHERE reporter_id = $1 ORDER BY at`,
        [userId],
      ),
      this.dataSource.query<{ hallId: string; reason: string; createdAt: Date }[]>(
        `SELECT hall_id AS "hallId", reason, at AS "createdAt" FROM presence_report WHERE reporter_id = $1 ORDER BY at`,
        [userId],
      ),
    ]);
    return {
      consultationReports: consultationReports.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
      presenceReports: presenceReports.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
    };
  }

  /**
   * On erasure: each presence report stays on the city's record (where, why, when) without the erased person on
   * either side. Consultation reports are unlinked from their reporter by the consultations module's own forget.
   */
  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('UPDATE presence_report SET reporter_id = NULL WHERE reporter_id = $1', [userId]);
    await manager.query('UPDATE presence_report SET reported_id = NULL WHERE reported_id = $1', [userId]);
  }
}

import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { LOGGER } from '../common/error-responder.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { DocumentAnnouncer } from './document-announcer.js';
import { DocumentStorage } from './document-storage.js';
import { documentView } from './document.view.js';
import { StoredDocument } from './stored-document.entity.js';
import { VirusScanner } from './virus-scanner.js';

const SYSTEM: AuditContext = { actorId: null, source: 'system', requestId: null };
/** A claimed file is not picked again by another sweep (or instance) for this long, unless the scan settles it first. */
const CLAIM_SECONDS = 300;
const MAX_BACKOFF_SECONDS = 3600;

/**
 * Takes quarantined files to the virus scanner after the upload has been answered: clean → ready; infected →
 * rejected and the bytes deleted at once; no verdict (scanner away, timeout) → stays quarantined and is tried
 * again with backoff, never released. Sweeps at start-up, after each upload and every DOCUMENT_SCAN_RETRY_SECONDS.
 * Without CLAMD_URL there is no scanner: files wait for an official's release.
 */
@Injectable()
export class DocumentScanning implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
    private readonly announce: DocumentAnnouncer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(VirusScanner) private readonly scanner: VirusScanner | null,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.scanner) return;
    this.timer = setInterval(() => this.soon(), this.config.documentScanRetrySeconds * 1000);
    this.timer.unref();
    this.soon();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Asks for a sweep now; one runs at a time, and a request during a sweep runs another after it. */
  soon(): void {
    if (!this.scanner || this.stopped) return;
    if (this.sweeping) {
      this.again = true;
      return;
    }
    this.sweeping = this.sweep()
      .catch((error: unknown) => this.logger.error({ err: error }, 'document scan sweep failed'))
      .finally(() => {
        this.sweeping = undefined;
        if (this.again) {
          this.again = false;
          this.soon();
        }
      });
  }

  private async sweep(): Promise<void> {
    const scanner = this.scanner;
    if (!scanner) return;
    while (!this.stopped) {
      const document = await this.claimNext();
      if (!document) return;
      // The scanner is away: leave the rest for their own retry time rather than failing each in turn now.
      if (!(await this.scanOne(document, scanner))) return;
    }
  }

  /** The next due file, claimed so that no other sweep takes it meanwhile. */
  private async claimNext(): Promise<StoredDocument | undefined> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `WITH claimed AS (
         UPDATE document SET next_scan_at = now() + make_interval(secs => $1)
         WHERE id = (SELECT id FROM document WHERE state = 'quarantined' AND next_scan_at <= now()
                     ORDER BY next_scan_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id)
       SELECT id FROM claimed`,
      [CLAIM_SECONDS],
    );
    const id = rows[0]?.id;
    return id ? ((await this.dataSource.getRepository(StoredDocument).findOneBy({ id })) ?? undefined) : undefined;
  }

  /** False when the scanner gave no verdict. */
  private async scanOne(document: StoredDocument, scanner: VirusScanner): Promise<boolean> {
    try {
      const content = document.storageKey ? await this.storage.read(document.storageKey) : undefined;
      if (!content) throw new Error('the stored bytes are missing');
      const verdict = await scanner.scan(content);
      await this.settle(document.id, verdict.infected ? 'rejected' : 'ready');
      if (verdict.infected) this.logger.warn({ documentId: document.id, signature: verdict.signature }, 'malware in an upload: rejected');
      return true;
    } catch (error) {
      const attempts = document.scanAttempts + 1;
      const delay = Math.min(this.config.documentScanRetrySeconds * 2 ** (attempts - 1), MAX_BACKOFF_SECONDS);
      await this.dataSource
        .getRepository(StoredDocument)
        .update({ id: document.id, state: 'quarantined' }, { scanAttempts: attempts, nextScanAt: new Date(Date.now() + delay * 1000) });
      this.logger.warn({ err: (error as Error).message, documentId: document.id, attempts, retryInSeconds: delay }, 'document not scanned');
      return false;
    }
  }

  private async settle(id: string, state: 'ready' | 'rejected'): Promise<void> {
    const settled = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(StoredDocument);
      const document = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      // Deleted by its owner, or settled by another instance, while it was being scanned.
      if (document?.state !== 'quarantined') return undefined;
      await repository.update(
        { id },
        state === 'ready'
          ? { state, checkedAt: () => 'now()' }
          : { state, rejectionReason: 'malware', storageKey: null, checkedAt: () => 'now()' },
      );
      await this.audit.record(SYSTEM, { action: `document.${state}`, objectType: 'document', objectId: id }, manager);
      return { before: document, after: await repository.findOneByOrFail({ id }) };
    });
    if (!settled) return;
    // Infected bytes go at once; the row stays, so the citizen sees why.
    if (state === 'rejected' && settled.before.storageKey) await this.storage.delete(settled.before.storageKey);
    this.announce.document(documentView(settled.after), settled.after.ownerId, settled.after.departmentId);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CivicCase } from '../cases/civic-case.entity.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { DocumentStorage } from './document-storage.js';
import { documentView } from './document.view.js';
import { IncomingUploads } from './incoming-uploads.js';
import { StoredDocument } from './stored-document.entity.js';
import { Submission } from './submission.entity.js';

/** Unfinished resumable uploads are abandoned after this long. */
const ABANDONED_UPLOAD_HOURS = 24;

/** A person's documents for privacy: their export, their erasure, and the retention of closed submissions' files. */
@Injectable()
export class DocumentRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: DocumentStorage,
    private readonly incoming: IncomingUploads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Their submissions and the metadata of every file they uploaded (the bytes are downloaded one by one). */
  async exportOf(userId: string): Promise<{ submissions: Record<string, unknown>[]; files: Record<string, unknown>[] }> {
    const submissions = await this.dataSource.getRepository(Submission).find({ where: { ownerId: userId }, order: { createdAt: 'ASC' } });
    const files = await this.dataSource.getRepository(StoredDocument).find({ where: { ownerId: userId }, order: { createdAt: 'ASC' } });
    const caseNumbers = new Map<string, string>();
    for (const caseId of new Set([...submissions, ...files].map((x) => x.caseId))) {
      caseNumbers.set(caseId, (await this.dataSource.getRepository(CivicCase).findOneByOrFail({ id: caseId })).caseNumber);
    }
    return {
      submissions: submissions.map((s) => ({
        id: s.id,
        caseNumber: caseNumbers.get(s.caseId),
        serviceId: s.serviceId,
        state: s.state,
        reviewReason: s.reviewReason,
        submittedAt: s.submittedAt?.toISOString() ?? null,
        decidedAt: s.decidedAt?.toISOString() ?? null,
        createdAt: s.createdAt.toISOString(),
      })),
      files: files.map((f) => ({ ...documentView(f), caseNumber: caseNumbers.get(f.caseId) })),
    };
  }

  /** Erasure: every file's bytes are deleted and its name forgotten; the rows stay as the cases' history. */
  async forget(manager: EntityManager, userId: string): Promise<void> {
    const repository = manager.getRepository(StoredDocument);
    const files = await repository.find({ where: { ownerId: userId } });
    await repository.delete({ ownerId: userId, state: 'uploading' });
    await repository
      .createQueryBuilder()
      .update()
      .set({ storageKey: null, originalName: 'erased', purgedAt: () => 'coalesce(purged_at, now())' })
      .where('owner_id = :userId', { userId })
      .execute();
    for (const file of files) {
      if (file.storageKey) await this.storage.delete(file.storageKey);
      if (file.uploadId) await this.incoming.discard(file.uploadId);
    }
  }

  /**
   * Deletes the bytes of files whose submission was approved or rejected more than DOCUMENT_RETENTION_DAYS ago (the
   * rows stay, marked purged), and resumable uploads left unfinished for a day. With dryRun, only counts.
   */
  async retention(dryRun: boolean): Promise<{ closedSubmissionFiles: number; abandonedUploads: number }> {
    const closed = await this.dataSource.query<{ id: string; storage_key: string }[]>(
      `SELECT d.id, d.storage_key FROM document d JOIN submission s ON s.id = d.submission_id
       WHERE d.storage_key IS NOT NULL AND s.state IN ('approved', 'rejected')
         AND s.decided_at < now() - make_interval(days => $1)`,
      [this.config.documentRetentionDays],
    );
    const abandoned = await this.dataSource.query<{ id: string; upload_id: string }[]>(
      `SELECT id, upload_id FROM document WHERE state = 'uploading' AND created_at < now() - make_interval(hours => $1)`,
      [ABANDONED_UPLOAD_HOURS],
    );
    if (!dryRun) {
      for (const file of closed) {
        await this.dataSource.query(`UPDATE document SET storage_key = NULL, purged_at = now() WHERE id = $1`, [file.id]);
        await this.storage.delete(file.storage_key);
      }
      for (const upload of abandoned) {
        await this.dataSource.query(`DELETE FROM document WHERE id = $1 AND state = 'uploading'`, [upload.id]);
        await this.incoming.discard(upload.upload_id);
      }
    }
    return { closedSubmissionFiles: closed.length, abandonedUploads: abandoned.length };
  }
}

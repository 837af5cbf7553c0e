import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, type EntityManager, Not, Repository } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import type { RequiredDocument } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { OPEN_STATUSES } from '../complaints/complaint-lifecycle.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { isStaffOf } from './document-access.js';
import { DocumentAnnouncer } from './document-announcer.js';
import { DocumentScanning } from './document-scanning.service.js';
import { CITIZEN_EDITABLE } from './document-states.js';
import { DocumentStorage } from './document-storage.js';
import { COMPLAINT_ATTACHMENT_LIMITS, type DocumentView } from './document-view.types.js';
import { documentView } from './document.view.js';
import { IncomingUploads } from './incoming-uploads.js';
import { safeFileName } from './safe-file-name.js';
import { StoredDocument } from './stored-document.entity.js';
import { Submission } from './submission.entity.js';
import { type ReceivedFile, tooLarge, UploadPipeline, type UploadRules } from './upload-pipeline.js';

/** A file as a request brings it: its bytes and the name the client gave (display only). */
export interface IncomingFile {
  stream: Readable;
  name: string | undefined;
}

/** Photos and documents attached to a complaint by its filer. */
const COMPLAINT_ATTACHMENT_RULES: UploadRules = {
  maxBytes: COMPLAINT_ATTACHMENT_LIMITS.maxBytes,
  mediaTypes: COMPLAINT_ATTACHMENT_LIMITS.mediaTypes,
};

/** Where a new file belongs, and a check run under the lock of its parent just before it is kept. */
interface Placement {
  caseId: string;
  submissionId: string | null;
  requirementId: string | null;
  departmentId: string;
  ownerId: string;
  recheck(manager: EntityManager): Promise<void>;
}

/**
 * Files of cases: receiving them (multipart or tus, through the one upload pipeline), who may see and open them,
 * deleting drafts' files and releasing held files by hand when no scanner is configured.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(StoredDocument) private readonly documents: Repository<StoredDocument>,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    private readonly city: CityService,
    private readonly audit: AuditService,
    private readonly pipeline: UploadPipeline,
    private readonly storage: DocumentStorage,
    private readonly incoming: IncomingUploads,
    private readonly scanning: DocumentScanning,
    private readonly announce: DocumentAnnouncer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A file for one required document of the citizen's own submission, while it is a draft or needs more. */
  async uploadToSubmission(
    submissionId: string,
    requirementId: string,
    file: IncomingFile,
    user: UserAccount,
    context: AuditContext,
  ): Promise<DocumentView> {
    const submission = await this.editableSubmission(submissionId, user);
    const requirement = this.requirementOf(submission, requirementId);
    const received = await this.pipeline.receive(file.stream, rulesOf(requirement));
    return this.keep(received, file.name, this.placeInSubmission(submission, requirementId, user), context);
  }

  /** A photo or document for the filer's own open complaint: the same pipeline, scanning and states. */
  async attachToComplaint(complaintId: string, file: IncomingFile, user: UserAccount, context: AuditContext): Promise<DocumentView> {
    const complaint = await this.ownOpenComplaint(this.dataSource.manager, complaintId, user);
    // Checked before the bytes are read, so a full complaint does not take a whole file first; and again under the lock.
    await this.roomForAttachment(this.dataSource.manager, complaint.caseId);
    const received = await this.pipeline.receive(file.stream, COMPLAINT_ATTACHMENT_RULES);
    return this.keep(
      received,
      file.name,
      {
        caseId: complaint.caseId,
        submissionId: null,
        requirementId: null,
        departmentId: complaint.departmentId,
        ownerId: user.id,
        recheck: async (manager) => {
          const locked = await this.ownOpenComplaint(manager, complaintId, user, true);
          await this.roomForAttachment(manager, locked.caseId);
        },
      },
      context,
    );
  }

  /** A complaint's files, for its filer and the staff of its department. */
  async ofComplaint(complaintId: string, user: UserAccount): Promise<DocumentView[]> {
    const complaint = await this.dataSource
      .getRepository(Complaint)
      .findOne({ where: { id: complaintId }, relations: { civicCase: true } });
    if (!complaint || (complaint.civicCase?.ownerId !== user.id && !isStaffOf(complaint.departmentId, user)))
      throw new DomainError('NOT_FOUND');
    const files = await this.documents.find({ where: { caseId: complaint.caseId }, order: { createdAt: 'ASC' } });
    return files.map(documentView);
  }

  /** tus creation: checks what the multipart route checks that can be known before the bytes, and holds a row "uploading". */
  async beginResumable(
    upload: { id: string; size: number; submissionId: string; requirementId: string; name: string | undefined },
    user: UserAccount,
    context: AuditContext,
  ): Promise<void> {
    if (!isUUID(upload.submissionId)) throw new DomainError('NOT_FOUND');
    const submission = await this.editableSubmission(upload.submissionId, user);
    const rules = rulesOf(this.requirementOf(submission, upload.requirementId));
    if (upload.size > rules.maxBytes) throw tooLarge(rules);
    const saved = await this.dataSource.transaction(async (manager) => {
      const document = await manager.getRepository(StoredDocument).save(
        manager.getRepository(StoredDocument).create({
          caseId: submission.caseId,
          submissionId: submission.id,
          requirementId: upload.requirementId,
          departmentId: submission.departmentId,
          ownerId: user.id,
          state: 'uploading',
          originalName: safeFileName(upload.name),
          uploadId: upload.id,
        }),
      );
      await this.audit.record(context, { action: 'document.upload_started', objectType: 'document', objectId: document.id }, manager);
      return document;
    });
    this.announce.document(documentView(saved), saved.ownerId, saved.departmentId);
  }

  /** Only the person who started a resumable upload may continue it. */
  async assertResumableOwner(uploadId: string, user: UserAccount): Promise<void> {
    const document = await this.documents.findOneBy({ uploadId, state: 'uploading' });
    if (document?.ownerId !== user.id) throw new DomainError('NOT_FOUND');
  }

  /** tus completion: the finished bytes go through the same pipeline as multipart; on refusal nothing is kept. */
  async finishResumable(uploadId: string, context: AuditContext): Promise<DocumentView> {
    const pending = await this.documents.findOneByOrFail({ uploadId, state: 'uploading' });
    try {
      const submission = await this.submissions.findOneByOrFail({ id: pending.submissionId ?? '' });
      const requirement = this.requirementOf(submission, pending.requirementId ?? '');
      const received = await this.pipeline.receive(this.incoming.read(uploadId), rulesOf(requirement));
      const owner = { id: pending.ownerId } as UserAccount;
      const view = await this.keep(received, undefined, this.placeInSubmission(submission, requirement.id, owner), context, pending);
      return view;
    } catch (error) {
      await this.documents.delete({ id: pending.id, state: 'uploading' });
      throw error;
    } finally {
      await this.incoming.discard(uploadId);
    }
  }

  /** Metadata of a file, for its owner and the staff of its department; 404 for anyone else. */
  async get(id: string, user: UserAccount): Promise<DocumentView> {
    return documentView(await this.visible(id, user));
  }

  /**
   * The bytes, for the same people, once the file is ready. Without a scanner, staff may also open a held file to
   * check it before releasing it.
   */
  async content(id: string, user: UserAccount): Promise<{ stream: Readable; name: string; mediaType: string; sizeBytes: number }> {
    const document = await this.visible(id, user);
    if (document.storageKey === null || document.state === 'rejected') throw new DomainError('DOCUMENT_CONTENT_GONE');
    const heldForStaff = document.state === 'quarantined' && !this.config.clamdUrl && isStaffOf(document.departmentId, user);
    if (document.state !== 'ready' && !heldForStaff) throw new DomainError('DOCUMENT_NOT_READY');
    const stream = await this.storage.read(document.storageKey);
    if (!stream || document.mediaType === null || document.sizeBytes === null) throw new DomainError('DOCUMENT_CONTENT_GONE');
    return { stream, name: document.originalName, mediaType: document.mediaType, sizeBytes: document.sizeBytes };
  }

  /** The owner removes a file of their submission while they may still change it. */
  async remove(id: string, user: UserAccount, context: AuditContext): Promise<void> {
    const removed = await this.dataSource.transaction(async (manager) => {
      const document = await manager.getRepository(StoredDocument).findOneBy({ id });
      if (document?.ownerId !== user.id) throw new DomainError('NOT_FOUND');
      const submission = document.submissionId
        ? await manager.getRepository(Submission).findOne({ where: { id: document.submissionId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!submission || !CITIZEN_EDITABLE.includes(submission.state)) throw new DomainError('SUBMISSION_NOT_EDITABLE');
      await manager.getRepository(StoredDocument).delete({ id });
      await this.audit.record(context, { action: 'document.deleted', objectType: 'document', objectId: id }, manager);
      return document;
    });
    if (removed.storageKey) await this.storage.delete(removed.storageKey);
    if (removed.uploadId) await this.incoming.discard(removed.uploadId);
  }

  /** Without a scanner, an official of the department releases a held file after checking it (audited). */
  async release(id: string, official: UserAccount, context: AuditContext): Promise<DocumentView> {
    if (this.config.clamdUrl) throw new DomainError('DOCUMENT_SCANNER_DECIDES');
    const released = await this.dataSource.transaction(async (manager) => {
      const document = await manager.getRepository(StoredDocument).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!document || !isStaffOf(document.departmentId, official)) throw new DomainError('NOT_FOUND');
      if (document.state !== 'quarantined') throw new DomainError('DOCUMENT_NOT_QUARANTINED');
      await manager.getRepository(StoredDocument).update({ id }, { state: 'ready', checkedAt: () => 'now()' });
      await this.audit.record(context, { action: 'document.released', objectType: 'document', objectId: id }, manager);
      return manager.getRepository(StoredDocument).findOneByOrFail({ id });
    });
    const view = documentView(released);
    this.announce.document(view, released.ownerId, released.departmentId);
    return view;
  }

  private async visible(id: string, user: UserAccount): Promise<StoredDocument> {
    const document = await this.documents.findOneBy({ id });
    if (!document || (document.ownerId !== user.id && !isStaffOf(document.departmentId, user))) throw new DomainError('NOT_FOUND');
    return document;
  }

  private async editableSubmission(id: string, user: UserAccount): Promise<Submission> {
    const submission = await this.submissions.findOneBy({ id });
    if (submission?.ownerId !== user.id) throw new DomainError('NOT_FOUND');
    if (!CITIZEN_EDITABLE.includes(submission.state)) throw new DomainError('SUBMISSION_NOT_EDITABLE');
    return submission;
  }

  private requirementOf(submission: Submission, requirementId: string): RequiredDocument {
    const service = this.city.service(submission.serviceId);
    const requirement = service?.kind === 'document' ? service.requiredDocuments.find((r) => r.id === requirementId) : undefined;
    if (!requirement) throw new DomainError('DOCUMENT_UNKNOWN_REQUIREMENT');
    return requirement;
  }

  private placeInSubmission(submission: Submission, requirementId: string, user: UserAccount): Placement {
    return {
      caseId: submission.caseId,
      submissionId: submission.id,
      requirementId,
      departmentId: submission.departmentId,
      ownerId: user.id,
      // The upload took a while: the citizen may have submitted, or erased their account, meanwhile.
      recheck: async (manager) => {
        const locked = await manager
          .getRepository(Submission)
          .findOne({ where: { id: submission.id }, lock: { mode: 'pessimistic_write' } });
        if (!locked || !CITIZEN_EDITABLE.includes(locked.state)) throw new DomainError('SUBMISSION_NOT_EDITABLE');
      },
    };
  }

  /** `lock` takes the complaint's row for writing, so two uploads finishing at once are counted one after the other. */
  private async ownOpenComplaint(manager: EntityManager, id: string, user: UserAccount, lock = false): Promise<Complaint> {
    const complaint = await manager.getRepository(Complaint).findOne({
      where: { id },
      relations: { civicCase: true },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const, tables: ['complaint'] } } : {}),
    });
    if (complaint?.civicCase?.ownerId !== user.id) throw new DomainError('NOT_FOUND');
    if (!OPEN_STATUSES.includes(complaint.status)) throw new DomainError('COMPLAINT_NOT_OPEN');
    return complaint;
  }

  private async roomForAttachment(manager: EntityManager, caseId: string): Promise<void> {
    const kept = await manager.getRepository(StoredDocument).count({ where: { caseId, state: Not('rejected' as const) } });
    if (kept >= COMPLAINT_ATTACHMENT_LIMITS.maxFiles) {
      throw new DomainError(
        'COMPLAINT_ATTACHMENTS_FULL',
        { limit: COMPLAINT_ATTACHMENT_LIMITS.maxFiles },
        { limit: COMPLAINT_ATTACHMENT_LIMITS.maxFiles },
      );
    }
  }

  /** Records a received file as quarantined (a new row, or the tus upload's own), then has it scanned. */
  private async keep(
    received: ReceivedFile,
    name: string | undefined,
    placement: Placement,
    context: AuditContext,
    pending?: StoredDocument,
  ): Promise<DocumentView> {
    let kept: StoredDocument;
    try {
      kept = await this.dataSource.transaction(async (manager) => {
        await placement.recheck(manager);
        const repository = manager.getRepository(StoredDocument);
        const checked = {
          state: 'quarantined' as const,
          mediaType: received.mediaType,
          sizeBytes: received.sizeBytes,
          sha256: received.sha256,
          storageKey: received.key,
          nextScanAt: new Date(),
        };
        const document = pending
          ? await repository.save({ ...pending, ...checked, uploadId: null })
          : await repository.save(
              repository.create({
                caseId: placement.caseId,
                submissionId: placement.submissionId,
                requirementId: placement.requirementId,
                departmentId: placement.departmentId,
                ownerId: placement.ownerId,
                originalName: safeFileName(name),
                ...checked,
              }),
            );
        await this.audit.record(context, { action: 'document.uploaded', objectType: 'document', objectId: document.id }, manager);
        return repository.findOneByOrFail({ id: document.id });
      });
    } catch (error) {
      await this.storage.delete(received.key);
      throw error;
    }
    const view = documentView(kept);
    this.announce.document(view, kept.ownerId, kept.departmentId);
    this.scanning.soon();
    return view;
  }
}

function rulesOf(requirement: RequiredDocument): UploadRules {
  return { maxBytes: requirement.maxSizeBytes, mediaTypes: requirement.mimeTypes };
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not, Repository } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CivicCase } from '../cases/civic-case.entity.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { isStaffOf } from './document-access.js';
import { DocumentAnnouncer } from './document-announcer.js';
import { CITIZEN_EDITABLE, CLOSED_SUBMISSION_STATES, REVIEW_STEPS } from './document-states.js';
import { type DocumentServiceView, SUBMISSIONS_PAGE_SIZE, type SubmissionView } from './document-view.types.js';
import { submissionView } from './document.view.js';
import type { CreateSubmissionDto } from './dto/create-submission.dto.js';
import type { ListSubmissionsQuery } from './dto/list-submissions.query.js';
import type { ReviewSubmissionDto } from './dto/review-submission.dto.js';
import { StoredDocument } from './stored-document.entity.js';
import { Submission } from './submission.entity.js';

/** Submissions to document services: a draft the citizen fills with files, submits, and the department reviews. */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Submission) private readonly submissions: Repository<Submission>,
    private readonly cases: CasesService,
    private readonly city: CityService,
    private readonly audit: AuditService,
    private readonly announce: DocumentAnnouncer,
  ) {}

  services(): DocumentServiceView[] {
    return this.city.servicesOfKind('document').map((service) => ({
      id: service.id,
      departmentId: service.departmentId,
      name: service.name,
      description: service.description,
      expectedDays: service.expectedDays,
      fee: service.fee ?? null,
      requiredDocuments: service.requiredDocuments.map(({ id, name, mimeTypes, maxSizeBytes }) => ({ id, name, mimeTypes, maxSizeBytes })),
    }));
  }

  /** A new draft, with a case of its own (one case, many channels). */
  async create(dto: CreateSubmissionDto, citizen: UserAccount, context: AuditContext): Promise<SubmissionView> {
    const service = this.city.service(dto.serviceId);
    if (service?.kind !== 'document') throw new DomainError('SUBMISSION_UNKNOWN_SERVICE');
    const id = await this.dataSource.transaction(async (manager) => {
      const { civicCase } = await this.cases.open(manager, citizen.id);
      const submission = await manager
        .getRepository(Submission)
        .save(
          manager
            .getRepository(Submission)
            .create({ caseId: civicCase.id, ownerId: citizen.id, serviceId: service.id, departmentId: service.departmentId }),
        );
      await this.audit.record(context, { action: 'submission.created', objectType: 'submission', objectId: submission.id }, manager);
      return submission.id;
    });
    return this.get(id, citizen);
  }

  /** A citizen's own; an official's department's (drafts only when asked for); every department's for an admin. */
  async list(user: UserAccount, filters: ListSubmissionsQuery = {}): Promise<SubmissionView[]> {
    const state = filters.state ?? (user.role === 'citizen' ? undefined : Not('draft' as const));
    const where = {
      ...(user.role === 'citizen' ? { ownerId: user.id } : {}),
      ...(user.role === 'official' ? { departmentId: user.departmentId ?? '' } : {}),
      ...(state === undefined ? {} : { state }),
    };
    const page = await this.submissions.find({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: ((filters.page ?? 1) - 1) * SUBMISSIONS_PAGE_SIZE,
      take: SUBMISSIONS_PAGE_SIZE,
    });
    const views: SubmissionView[] = [];
    for (const submission of page) views.push(await this.view(this.dataSource.manager, submission));
    return views;
  }

  /** For its owner and the staff of its department; 404 for anyone else. */
  async get(id: string, user: UserAccount): Promise<SubmissionView> {
    const submission = await this.submissions.findOneBy({ id });
    if (!submission || (submission.ownerId !== user.id && !isStaffOf(submission.departmentId, user))) throw new DomainError('NOT_FOUND');
    return this.view(this.dataSource.manager, submission);
  }

  /** draft or needs_more → submitted, once every required document has a file that passed its checks. */
  async submit(id: string, citizen: UserAccount, context: AuditContext): Promise<SubmissionView> {
    const view = await this.dataSource.transaction(async (manager) => {
      const submission = await manager.getRepository(Submission).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (submission?.ownerId !== citizen.id) throw new DomainError('NOT_FOUND');
      if (!CITIZEN_EDITABLE.includes(submission.state)) {
        throw new DomainError('SUBMISSION_INVALID_TRANSITION', {}, { from: submission.state, to: 'submitted' });
      }
      const before = await this.view(manager, submission);
      const pending = before.documents.filter((d) => d.state === 'uploading' || d.state === 'quarantined').map((d) => d.id);
      if (before.missingRequirementIds.length > 0 || pending.length > 0) {
        throw new DomainError(
          'SUBMISSION_DOCUMENTS_NOT_READY',
          {},
          { missingRequirementIds: before.missingRequirementIds, pendingDocumentIds: pending },
        );
      }
      await manager.getRepository(Submission).update({ id }, { state: 'submitted', submittedAt: () => 'now()', reviewReason: null });
      await this.audit.record(context, { action: 'submission.submitted', objectType: 'submission', objectId: id }, manager);
      return this.view(manager, await manager.getRepository(Submission).findOneByOrFail({ id }));
    });
    this.announce.submission(view, citizen.id);
    return view;
  }

  /** An official's review step, along submitted → in_review → approved | rejected | needs_more (row-locked, audited). */
  async review(id: string, dto: ReviewSubmissionDto, official: UserAccount, context: AuditContext): Promise<SubmissionView> {
    const { view, ownerId } = await this.dataSource.transaction(async (manager) => {
      const submission = await manager.getRepository(Submission).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!submission || !isStaffOf(submission.departmentId, official)) throw new DomainError('NOT_FOUND');
      if (!REVIEW_STEPS[submission.state].includes(dto.state)) {
        throw new DomainError(
          'SUBMISSION_INVALID_TRANSITION',
          {},
          { from: submission.state, to: dto.state, allowed: REVIEW_STEPS[submission.state] },
        );
      }
      const decided = CLOSED_SUBMISSION_STATES.includes(dto.state);
      await manager
        .getRepository(Submission)
        .update({ id }, { state: dto.state, reviewReason: dto.reason ?? null, ...(decided ? { decidedAt: () => 'now()' } : {}) });
      await this.audit.record(context, { action: `submission.${dto.state}`, objectType: 'submission', objectId: id }, manager);
      const fresh = await manager.getRepository(Submission).findOneByOrFail({ id });
      return { view: await this.view(manager, fresh), ownerId: fresh.ownerId };
    });
    this.announce.submission(view, ownerId);
    return view;
  }

  private async view(manager: EntityManager, submission: Submission): Promise<SubmissionView> {
    const civicCase = await manager.getRepository(CivicCase).findOneByOrFail({ id: submission.caseId });
    const documents = await manager
      .getRepository(StoredDocument)
      .find({ where: { submissionId: submission.id }, order: { createdAt: 'ASC' } });
    const service = this.city.service(submission.serviceId);
    const requirementIds = service?.kind === 'document' ? service.requiredDocuments.map((r) => r.id) : [];
    return submissionView(submission, civicCase.caseNumber, documents, requirementIds);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { LiveEventsService } from '../live/live-events.service.js';
import { personRoom } from '../live/live-rooms.js';
import { ConsultationMessage } from './consultation-message.entity.js';
import { ConsultationOutcomes } from './consultation-outcomes.js';
import { ConsultationReport } from './consultation-report.entity.js';
import { ConsultationSubjects } from './consultation-subjects.js';
import type { ConsultationTranscript, ConsultationView } from './consultation-view.types.js';
import { consultationView, messageView, sideOf } from './consultation.view.js';
import { Consultation } from './consultation.entity.js';
import { ConsultationRoomEvents } from './consultation-room-events.js';
import type { EndConsultationDto } from './dto/end-consultation.dto.js';
import type { OpenConsultationDto } from './dto/open-consultation.dto.js';

/** How many consultations `GET /api/consultations` lists: the open ones first, then the most recent. */
const LIST_LIMIT = 50;

/** Opening, reading and ending consultations, and the officials' safety actions. The chat itself is in ConsultationChatService. */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: ConsultationSubjects,
    private readonly outcomes: ConsultationOutcomes,
    private readonly audit: AuditService,
    private readonly live: LiveEventsService,
    private readonly room: ConsultationRoomEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Opens a consultation on the subject's case for its citizen, or answers the one already open on it (`created`
   * false) to its official or an admin. The citizen hears of it live.
   */
  async open(dto: OpenConsultationDto, staff: UserAccount, context: AuditContext): Promise<{ view: ConsultationView; created: boolean }> {
    const { id, created, citizenId } = await this.dataSource.transaction(async (manager) => {
      const subject = await this.subjects.resolve(manager, dto, staff);
      const open = await manager
        .getRepository(Consultation)
        .createQueryBuilder('consultation')
        .where(`consultation.subject_type = :type AND consultation.subject_id = :id AND consultation.state <> 'ended'`, subject)
        .getOne();
      if (open) {
        if (sideOf(open, staff) === null) throw new DomainError('CONSULTATION_CANNOT_OPEN', {}, { reason: 'already_open' });
        return { id: open.id, created: false, citizenId: subject.citizenId };
      }
      const repository = manager.getRepository(Consultation);
      const opened = await repository.save(
        repository.create({
          caseId: subject.caseId,
          subjectType: subject.type,
          subjectId: subject.id,
          departmentId: subject.departmentId,
          citizenId: subject.citizenId,
          officialId: staff.id,
        }),
      );
      await this.audit.record(context, { action: 'consultation.opened', objectType: 'consultation', objectId: opened.id }, manager);
      return { id: opened.id, created: true, citizenId: subject.citizenId };
    });
    const view = await this.viewOf(id);
    if (created) {
      this.live.publish([personRoom(citizenId)], 'consultation.opened', {
        consultationId: id,
        caseNumber: view.caseNumber,
        subject: view.subject.type,
      });
    }
    return { view, created };
  }

  /** One consultation, for its two participants and admins; NOT_FOUND for anyone else. */
  async get(id: string, person: UserAccount): Promise<ConsultationView> {
    await this.visible(id, person);
    return this.viewOf(id);
  }

  /** A person's consultations as citizen or as official: the open ones first, then the newest. */
  async list(person: UserAccount): Promise<ConsultationView[]> {
    const found = await this.dataSource
      .getRepository(Consultation)
      .createQueryBuilder('consultation')
      .innerJoinAndSelect('consultation.civicCase', 'civicCase')
      .leftJoinAndSelect('consultation.citizen', 'citizen')
      .innerJoinAndSelect('consultation.official', 'official')
      .where('(consultation.citizen_id = :me OR consultation.official_id = :me)', { me: person.id })
      .orderBy(`consultation.state = 'ended'`, 'ASC')
      .addOrderBy('consultation.created_at', 'DESC')
      .limit(LIST_LIMIT)
      .getMany();
    return found.map((consultation) => consultationView(consultation, this.config));
  }

  /** The stored messages in order, for the participants and admins; NOT_FOUND for anyone else. */
  async transcript(id: string, person: UserAccount): Promise<ConsultationTranscript> {
    await this.visible(id, person);
    const consultation = await this.dataSource.getRepository(Consultation).findOneOrFail({ where: { id }, relations: { civicCase: true } });
    const messages = await this.dataSource
      .getRepository(ConsultationMessage)
      .find({ where: { consultationId: id }, relations: { author: true }, order: { seq: 'ASC' } });
    return { consultationId: id, caseNumber: consultation.civicCase?.caseNumber ?? '', messages: messages.map(messageView) };
  }

  /**
   * The official (or an admin) ends it with an outcome; the room hears it and is closed, then the outcome is told to
   * the subject: a note on the complaint's history, the appointment fulfilled (or a no-show).
   */
  async end(id: string, dto: EndConsultationDto, staff: UserAccount, context: AuditContext): Promise<ConsultationView> {
    const ended = await this.dataSource.transaction(async (manager) => {
      const consultation = await this.lockedForStaff(manager, id, staff);
      await manager
        .getRepository(Consultation)
        .update({ id }, { state: 'ended', outcome: dto.outcome, outcomeNote: dto.note ?? null, endedAt: () => 'now()' });
      await this.audit.record(context, { action: 'consultation.ended', objectType: 'consultation', objectId: id }, manager);
      return consultation;
    });
    this.room.ended(ended, dto.outcome);
    await this.outcomes.apply(ended, dto.outcome, staff, context);
    return this.viewOf(id);
  }

  /** Either participant reports the other's conduct; kept with its reason and audited. */
  async report(id: string, reason: string, person: UserAccount, context: AuditContext): Promise<{ id: string; at: string }> {
    const consultation = await this.visible(id, person);
    if (sideOf(consultation, person) === 'supervisor') throw new DomainError('FORBIDDEN');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ConsultationReport);
      const report = await repository.save(repository.create({ consultationId: id, reporterId: person.id, reason }));
      await this.audit.record(context, { action: 'consultation.reported', objectType: 'consultation', objectId: id }, manager);
      return { id: report.id, at: report.at.toISOString() };
    });
  }

  /** The official mutes the citizen's messages (or lets them write again) or removes them from the room for good. */
  async moderate(
    id: string,
    change: { muted: boolean } | { removed: true },
    staff: UserAccount,
    context: AuditContext,
  ): Promise<ConsultationView> {
    const consultation = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockedForStaff(manager, id, staff);
      const action = 'removed' in change ? 'consultation.removed' : change.muted ? 'consultation.muted' : 'consultation.unmuted';
      await manager
        .getRepository(Consultation)
        .update({ id }, 'removed' in change ? { citizenRemoved: true } : { citizenMuted: change.muted });
      await this.audit.record(context, { action, objectType: 'consultation', objectId: id }, manager);
      return manager.getRepository(Consultation).findOneByOrFail({ id: locked.id });
    });
    this.room.moderated(consultation);
    return this.viewOf(id);
  }

  /** A person's consultations with their transcripts, for their data export. */
  exportOf(userId: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query<Record<string, unknown>[]>(
      `SELECT c.case_number AS "caseNumber", k.subject_type AS "subject", k.state, k.outcome, k.created_at AS "createdAt",
              k.ended_at AS "endedAt",
              coalesce((SELECT json_agg(json_build_object('seq', m.seq, 'authorRole', m.author_role, 'text', m.text, 'at', m.at)
                                 ORDER BY m.seq)
                          FROM consultation_message m WHERE m.consultation_id = k.id), '[]') AS transcript
         FROM consultation k JOIN civic_case c ON c.id = k.case_id WHERE k.citizen_id = $1 ORDER BY k.created_at`,
      [userId],
    );
  }

  /** On erasure: the conversations stay on the city's record (the words, who spoke as which role), without the person. */
  async forget(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('UPDATE consultation_message SET author_id = NULL WHERE author_id = $1', [userId]);
    await manager.query('UPDATE consultation_report SET reporter_id = NULL WHERE reporter_id = $1', [userId]);
    await manager.query('UPDATE consultation SET citizen_id = NULL WHERE citizen_id = $1', [userId]);
  }

  /** The consultation if the person may see it: a participant or an admin. */
  private async visible(id: string, person: UserAccount): Promise<Consultation> {
    const consultation = await this.dataSource.getRepository(Consultation).findOneBy({ id });
    if (!consultation || sideOf(consultation, person) === null) throw new DomainError('NOT_FOUND');
    return consultation;
  }

  /** Locked for a staff action by its official or an admin; the citizen is refused, anyone else does not see it; ended ones refuse. */
  private async lockedForStaff(manager: EntityManager, id: string, staff: UserAccount): Promise<Consultation> {
    const consultation = await manager.getRepository(Consultation).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    const side = consultation ? sideOf(consultation, staff) : null;
    if (!consultation || side === null) throw new DomainError('NOT_FOUND');
    if (side === 'citizen') throw new DomainError('FORBIDDEN');
    if (consultation.state === 'ended') throw new DomainError('CONSULTATION_NOT_OPEN');
    return consultation;
  }

  private async viewOf(id: string): Promise<ConsultationView> {
    const consultation = await this.dataSource
      .getRepository(Consultation)
      .findOneOrFail({ where: { id }, relations: { civicCase: true, citizen: true, official: true } });
    return consultationView(consultation, this.config);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { MeResponse } from '../accounts/me.response.js';
import { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { UserSession } from '../auth/user-session.entity.js';
import { DomainError } from '../common/domain-error.js';
import { AccessTokensService } from '../auth/access-tokens.service.js';
import { ComplaintFollowersService } from '../complaints/complaint-followers.service.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { ConsultationsService } from '../consultations/consultations.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { DocumentRecordsService } from '../documents/document-records.service.js';
import { ReportsService } from '../reports/reports.service.js';
import { CONSENT_PURPOSES, isConsentPurpose } from './consent-purposes.js';
import { ConsentRecord } from './consent-record.entity.js';

export interface ConsentState {
  purpose: string;
  version: string | null;
  given: boolean;
  at: string | null;
}

@Injectable()
export class PrivacyService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ConsentRecord) private readonly consents: Repository<ConsentRecord>,
    @InjectRepository(UserSession) private readonly sessions: Repository<UserSession>,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly complaints: ComplaintsService,
    private readonly followers: ComplaintFollowersService,
    private readonly accessTokens: AccessTokensService,
    private readonly queues: QueuesService,
    private readonly documents: DocumentRecordsService,
    private readonly consultations: ConsultationsService,
    private readonly reports: ReportsService,
  ) {}

  /** The newest answer per purpose; a purpose never answered is not given. */
  async consentsOf(userId: string): Promise<ConsentState[]> {
    const history = await this.consents.find({ where: { userId }, order: { id: 'ASC' } });
    return CONSENT_PURPOSES.map((purpose) => {
      const latest = history.filter((record) => record.purpose === purpose).at(-1);
      return latest
        ? { purpose, version: latest.textVersion, given: latest.given, at: latest.at.toISOString() }
        : { purpose, version: null, given: false, at: null };
    });
  }

  async setConsent(userId: string, purpose: string, given: boolean, version: string, context: AuditContext): Promise<ConsentState> {
    if (!isConsentPurpose(purpose)) throw new DomainError('NOT_FOUND');
    const record = await this.consents.save(this.consents.create({ userId, purpose, given, textVersion: version }));
    await this.audit.record(context, {
      action: given ? 'consent.given' : 'consent.withdrawn',
      objectType: 'consent_record',
      objectId: record.id,
    });
    return { purpose, version, given, at: record.at.toISOString() };
  }

  /** Everything the city holds about the person. Later domains add their cases here. */
  async exportOf(user: UserAccount, context: AuditContext): Promise<Record<string, unknown>> {
    await this.audit.record(context, { action: 'privacy.export', objectType: 'user_account', objectId: user.id });
    const [consentHistory, sessions, auditEvents, complaints, queueTickets, accessTokens] = await Promise.all([
      this.consents.find({ where: { userId: user.id }, order: { id: 'ASC' } }),
      this.sessions.find({ where: { userId: user.id }, order: { createdAt: 'ASC' } }),
      this.audit.about(user.id),
      this.complaints.exportOf(user.id),
      this.queues.exportOf(user.id),
      this.accessTokens.list(user),
    ]);
    const documents = await this.documents.exportOf(user.id);
    const consultations = await this.consultations.exportOf(user.id);
    const reportsMade = await this.reports.exportOf(user.id);
    return {
      exportedAt: new Date().toISOString(),
      account: { ...MeResponse.of(user), updatedAt: user.updatedAt.toISOString() },
      consents: consentHistory.map((c) => ({ purpose: c.purpose, version: c.textVersion, given: c.given, at: c.at.toISOString() })),
      accessTokens,
      sessions: sessions.map((s) => ({
        startedAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
      })),
      complaints,
      queueTickets,
      documents,
      consultations,
      reportsMade,
      auditEvents: auditEvents.map((e) => ({
        at: e.at.toISOString(),
        action: e.action,
        objectType: e.objectType,
        objectId: e.objectId,
        outcome: e.outcome,
      })),
    };
  }

  /**
   * Erasure: the account row stays (cases and the audit trail refer to it by id) but holds no personal data,
   * cannot sign in, and every session, consent and failed-sign-in record of the person is gone — in one transaction.
   */
  async erase(user: UserAccount, password: string, context: AuditContext): Promise<void> {
    await this.auth.assertPassword(user, password, context, 'account.erased');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserAccount).update(
        { id: user.id },
        {
          email: `erased-${user.id}@invalid`,
          displayName: 'erased',
          passwordHash: '!',
          departmentId: user.role === 'official' ? user.departmentId : null,
          // The pack official is free for the next account of that person's desk.
          officialId: null,
          disabledAt: () => 'now()',
          anonymisedAt: () => 'now()',
        },
      );
      await manager.getRepository(UserSession).delete({ userId: user.id });
      await this.accessTokens.revokeAllOf(user.id, manager);
      await manager.getRepository(ConsentRecord).delete({ userId: user.id });
      await this.followers.forget(manager, user.id);
      await this.queues.forget(manager, user.id);
      await this.documents.forget(manager, user.id);
      await this.consultations.forget(manager, user.id);
      await this.reports.forget(manager, user.id);
      await manager.query('DELETE FROM auth_failure WHERE email_hash = $1', [LoginThrottle.emailHash(user.email)]);
      await this.audit.record(context, { action: 'account.erased', objectType: 'user_account', objectId: user.id }, manager);
    });
  }
}

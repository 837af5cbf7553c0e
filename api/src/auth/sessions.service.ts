import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { UserAccount } from '../accounts/user-account.entity.js';
import { sha256 } from '../common/sha256.js';
import { UserSession } from './user-session.entity.js';

/** 30 minutes without a request ends a session; 12 hours after sign-in it ends whatever happens. */
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** last_seen_at is written at most this often, so reads do not all turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface ActiveSession {
  sessionId: string;
  user: UserAccount;
}

@Injectable()
export class SessionsService {
  constructor(@InjectRepository(UserSession) private readonly sessions: Repository<UserSession>) {}

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  async start(userId: string): Promise<{ token: string; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const session = await this.sessions.save(
      this.sessions.create({ tokenHash: sha256(token), userId, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000) }),
    );
    return { token, sessionId: session.id };
  }

  /** The session and its person, if the token is live, the idle time not passed and the account usable. */
  async resolve(token: string): Promise<ActiveSession | undefined> {
    const session = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.user', 'user')
      .where('session.token_hash = :hash', { hash: sha256(token) })
      .andWhere('session.expires_at > now()')
      .andWhere(`session.last_seen_at > now() - make_interval(secs => :idle)`, { idle: SESSION_IDLE_SECONDS })
      .andWhere('user.disabled_at IS NULL AND user.anonymised_at IS NULL')
      .getOne();
    if (!session?.user) return undefined;
    if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: () => 'now()' });
    }
    return { sessionId: session.id, user: session.user };
  }

  /** Which of these sessions are still live, without counting the question as activity. */
  async stillLive(sessionIds: string[]): Promise<Set<string>> {
    const rows = await this.sessions
      .createQueryBuilder('session')
      .innerJoin('session.user', 'user')
      .select('session.id', 'id')
      .where('session.id IN (:...ids)', { ids: sessionIds })
      .andWhere('session.expires_at > now()')
      .andWhere(`session.last_seen_at > now() - make_interval(secs => :idle)`, { idle: SESSION_IDLE_SECONDS })
      .andWhere('user.disabled_at IS NULL AND user.anonymised_at IS NULL')
      .getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  async end(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  /** Ends every session of a person, or every one but the session in use. */
  async endAllOf(userId: string, except?: string): Promise<void> {
    const query = this.sessions.createQueryBuilder().delete().where('user_id = :userId', { userId });
    if (except) query.andWhere('id <> :except', { except });
    await query.execute();
  }
}

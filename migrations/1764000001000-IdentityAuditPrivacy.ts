import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions kept in the database (so sign-out, a password change, erasure or disabling ends them), failed
 * sign-ins for throttling (by a hash of the email, never the email), consent history, and the audit log,
 * which the database itself keeps append-only.
 */
export class IdentityAuditPrivacy1764000001000 implements MigrationInterface {
  name = 'IdentityAuditPrivacy1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_account ADD COLUMN anonymised_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE user_session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT pk_user_session PRIMARY KEY (id),
        CONSTRAINT uq_user_session_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
        CONSTRAINT ck_user_session_expiry CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(`CREATE INDEX ix_user_session_user ON user_session (user_id)`);
    await queryRunner.query(`
      CREATE TABLE auth_failure (
        id bigint GENERATED ALWAYS AS IDENTITY,
        email_hash bytea NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_auth_failure PRIMARY KEY (id)
      )`);
    await queryRunner.query(`CREATE INDEX ix_auth_failure_email_at ON auth_failure (email_hash, at)`);
    await queryRunner.query(`
      CREATE TABLE consent_record (
        id bigint GENERATED ALWAYS AS IDENTITY,
        user_id uuid NOT NULL,
        purpose varchar(64) NOT NULL,
        text_version varchar(32) NOT NULL,
        given boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_consent_record PRIMARY KEY (id),
        CONSTRAINT fk_consent_record_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX ix_consent_record_user_purpose ON consent_record (user_id, purpose, at)`);
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action varchar(64) NOT NULL,
        object_type varchar(64),
        object_id varchar(64),
        outcome varchar(16) NOT NULL,
        source varchar(16) NOT NULL,
        request_id varchar(64),
        CONSTRAINT pk_audit_event PRIMARY KEY (id),
        CONSTRAINT ck_audit_event_outcome CHECK (outcome IN ('ok', 'denied', 'failed')),
        CONSTRAINT ck_audit_event_source CHECK (source IN ('web', 'cli', 'system'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_audit_event_actor_at ON audit_event (actor_id, at)`);
    await queryRunner.query(`CREATE INDEX ix_audit_event_at ON audit_event (at)`);
    // The last line of the audit trail: no code path, bug or compromised account of the app can rewrite it.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER tr_audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER tr_audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_is_append_only()`);
    await queryRunner.query(`DROP TABLE consent_record`);
    await queryRunner.query(`DROP TABLE auth_failure`);
    await queryRunner.query(`DROP TABLE user_session`);
    await queryRunner.query(`ALTER TABLE user_account DROP COLUMN anonymised_at`);
  }
}

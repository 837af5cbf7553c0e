import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers to a service's questions (the city pack's Open311 attributes) and a photo link on each complaint; the
 * API keys that let other systems file complaints through Open311 GeoReport v2 (only a hash of each key is kept),
 * and `open311` as a source of audit events, whose actor is then the key.
 */
export class Open3111764000004000 implements MigrationInterface {
  name = 'Open3111764000004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_source`);
    await queryRunner.query(
      `ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_source CHECK (source IN ('web', 'cli', 'system', 'open311'))`,
    );
    await queryRunner.query(`ALTER TABLE complaint ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE complaint ADD CONSTRAINT ck_complaint_attributes CHECK (jsonb_typeof(attributes) = 'object')`);
    await queryRunner.query(`ALTER TABLE complaint ADD COLUMN media_url varchar(2000)`);
    await queryRunner.query(`ALTER TABLE complaint ADD CONSTRAINT ck_complaint_media_url CHECK (media_url LIKE 'https://%')`);
    await queryRunner.query(`
      CREATE TABLE open311_api_key (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        key_hash char(64) NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT pk_open311_api_key PRIMARY KEY (id),
        CONSTRAINT uq_open311_api_key_hash UNIQUE (key_hash),
        CONSTRAINT fk_open311_api_key_created_by FOREIGN KEY (created_by) REFERENCES user_account (id) ON DELETE SET NULL,
        CONSTRAINT ck_open311_api_key_hash CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_open311_api_key_name CHECK (char_length(name) BETWEEN 1 AND 100)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE open311_api_key`);
    await queryRunner.query(`ALTER TABLE complaint DROP CONSTRAINT ck_complaint_media_url`);
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN media_url`);
    await queryRunner.query(`ALTER TABLE complaint DROP CONSTRAINT ck_complaint_attributes`);
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN attributes`);
    // The audit log is append-only: events of Open311 keys stay, so the old rule holds for new rows only.
    await queryRunner.query(`ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_source`);
    await queryRunner.query(
      `ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_source CHECK (source IN ('web', 'cli', 'system')) NOT VALID`,
    );
  }
}

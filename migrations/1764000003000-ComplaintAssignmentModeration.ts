import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An official a complaint is assigned to, and the record of a redaction of abusive content. */
export class ComplaintAssignmentModeration1764000003000 implements MigrationInterface {
  name = 'ComplaintAssignmentModeration1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE complaint ADD COLUMN assignee_id uuid`);
    await queryRunner.query(
      `ALTER TABLE complaint ADD CONSTRAINT fk_complaint_assignee FOREIGN KEY (assignee_id) REFERENCES user_account (id)`,
    );
    await queryRunner.query(`CREATE INDEX ix_complaint_assignee ON complaint (assignee_id)`);
    await queryRunner.query(`ALTER TABLE complaint ADD COLUMN redacted_at timestamptz`);
    await queryRunner.query(`ALTER TABLE complaint ADD COLUMN redaction_reason varchar(500)`);
    await queryRunner.query(
      `ALTER TABLE complaint ADD CONSTRAINT ck_complaint_redaction CHECK ((redacted_at IS NULL) = (redaction_reason IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE complaint DROP CONSTRAINT ck_complaint_redaction`);
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN redaction_reason`);
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN redacted_at`);
    await queryRunner.query(`DROP INDEX ix_complaint_assignee`);
    await queryRunner.query(`ALTER TABLE complaint DROP CONSTRAINT fk_complaint_assignee`);
    await queryRunner.query(`ALTER TABLE complaint DROP COLUMN assignee_id`);
  }
}

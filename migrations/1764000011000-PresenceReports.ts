import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports of one visitor by another in the virtual hall. Presence itself (who is in the hall, where they stand) is
 * held in memory only and has no table: see docs/privacy.md.
 */
export class PresenceReports1764000011000 implements MigrationInterface {
  name = 'PresenceReports1764000011000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE presence_report (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         hall_id varchar(64) NOT NULL,
         reporter_id uuid NOT NULL,
         reported_id uuid NOT NULL,
         reason varchar(16) NOT NULL,
         at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_presence_report PRIMARY KEY (id),
         CONSTRAINT fk_presence_report_reporter FOREIGN KEY (reporter_id) REFERENCES user_account (id),
         CONSTRAINT fk_presence_report_reported FOREIGN KEY (reported_id) REFERENCES user_account (id),
         CONSTRAINT ck_presence_report_reason CHECK (reason IN ('following', 'blocking', 'disruptive', 'other')),
         CONSTRAINT ck_presence_report_not_self CHECK (reporter_id <> reported_id)
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_presence_report_reported ON presence_report (reported_id, at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE presence_report`);
  }
}

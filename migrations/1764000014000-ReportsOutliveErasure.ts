import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A presence report stays on the city's record after either person's erasure, without that person: the erased
 * side's account id is set to null (as a consultation report's reporter already is). Both sides' ids are indexed
 * for erasure, and `at` for the admins' list and the retention period.
 */
export class ReportsOutliveErasure1764000014000 implements MigrationInterface {
  name = 'ReportsOutliveErasure1764000014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE presence_report ALTER COLUMN reporter_id DROP NOT NULL, ALTER COLUMN reported_id DROP NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_presence_report_reporter ON presence_report (reporter_id)`);
    await queryRunner.query(`CREATE INDEX ix_presence_report_at ON presence_report (at)`);
    await queryRunner.query(`CREATE INDEX ix_consultation_report_at ON consultation_report (at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_consultation_report_at`);
    await queryRunner.query(`DROP INDEX ix_presence_report_at`);
    await queryRunner.query(`DROP INDEX ix_presence_report_reporter`);
    // The old schema cannot hold a report without one of its people.
    await queryRunner.query(`DELETE FROM presence_report WHERE reporter_id IS NULL OR reported_id IS NULL`);
    await queryRunner.query(`ALTER TABLE presence_report ALTER COLUMN reporter_id SET NOT NULL, ALTER COLUMN reported_id SET NOT NULL`);
  }
}

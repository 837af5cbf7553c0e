import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A waitlist hold the citizen declines becomes `cancelled` while it still has no case: the case rule now lets any
 * former hold (it keeps its `hold_expires_at`) stay without one, and still requires a case of every booking.
 */
export class DeclinedHolds1764000012000 implements MigrationInterface {
  name = 'DeclinedHolds1764000012000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE appointment DROP CONSTRAINT ck_appointment_case`);
    await queryRunner.query(
      `ALTER TABLE appointment ADD CONSTRAINT ck_appointment_case
         CHECK (case_id IS NOT NULL OR (hold_expires_at IS NOT NULL AND status IN ('held', 'expired', 'cancelled')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM appointment WHERE case_id IS NULL AND status = 'cancelled'`);
    await queryRunner.query(`ALTER TABLE appointment DROP CONSTRAINT ck_appointment_case`);
    await queryRunner.query(
      `ALTER TABLE appointment ADD CONSTRAINT ck_appointment_case CHECK (status IN ('held', 'expired') OR case_id IS NOT NULL)`,
    );
  }
}

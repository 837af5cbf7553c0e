import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An official's account names the city pack's official it is (`official_id`), so that their calendar, feed and
 * avatar can be theirs. Only officials have one, and one pack official has at most one account. That it names an
 * official of the account's own department is the pack's rule, checked by the API (the pack is not in the database).
 */
export class OfficialAccounts1764000013000 implements MigrationInterface {
  name = 'OfficialAccounts1764000013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_account ADD COLUMN official_id varchar(64)`);
    await queryRunner.query(
      `ALTER TABLE user_account ADD CONSTRAINT ck_user_account_official_id CHECK (official_id IS NULL OR role = 'official')`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX uq_user_account_official ON user_account (official_id) WHERE official_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX uq_user_account_official`);
    await queryRunner.query(`ALTER TABLE user_account DROP CONSTRAINT ck_user_account_official_id`);
    await queryRunner.query(`ALTER TABLE user_account DROP COLUMN official_id`);
  }
}

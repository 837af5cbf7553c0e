import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts of citizens, officials and admins. Passwords are argon2id hashes. An official always belongs to
 * a department of the city pack; demo accounts are marked so that turning DEMO_DATA off removes them.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_account (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(100) NOT NULL,
        preferred_language varchar(16) NOT NULL DEFAULT 'en',
        role varchar(16) NOT NULL,
        department_id varchar(64),
        password_hash varchar(255) NOT NULL,
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CONSTRAINT pk_user_account PRIMARY KEY (id),
        CONSTRAINT ck_user_account_role CHECK (role IN ('citizen', 'official', 'admin')),
        CONSTRAINT ck_user_account_official_department CHECK ((role = 'official') = (department_id IS NOT NULL)),
        CONSTRAINT ck_user_account_email CHECK (email = lower(email) AND position('@' in email) > 1)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_user_account_email ON user_account (email)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_account`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who follow an open complaint instead of filing the same one again: an account, or someone signed out
 * who holds a tracking token of their own (stored as its SHA-256, like the filer's).
 */
export class ComplaintFollowers1764000005000 implements MigrationInterface {
  name = 'ComplaintFollowers1764000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE complaint_follower (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         complaint_id uuid NOT NULL,
         user_id uuid,
         tracking_token_hash bytea,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_complaint_follower PRIMARY KEY (id),
         CONSTRAINT fk_complaint_follower_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id) ON DELETE CASCADE,
         CONSTRAINT fk_complaint_follower_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
         CONSTRAINT uq_complaint_follower_user UNIQUE (complaint_id, user_id),
         CONSTRAINT uq_complaint_follower_token UNIQUE (tracking_token_hash),
         CONSTRAINT ck_complaint_follower_who CHECK ((user_id IS NULL) <> (tracking_token_hash IS NULL))
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_complaint_follower_user ON complaint_follower (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaint_follower`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Personal access tokens: bearer tokens a person makes for their own API clients (only a hash is kept). */
export class AccessTokens1764000009000 implements MigrationInterface {
  name = 'AccessTokens1764000009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE access_token (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         name varchar(100) NOT NULL,
         token_hash bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         expires_at timestamptz NOT NULL,
         last_used_at timestamptz,
         CONSTRAINT pk_access_token PRIMARY KEY (id),
         CONSTRAINT fk_access_token_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
         CONSTRAINT uq_access_token_hash UNIQUE (token_hash),
         CONSTRAINT ck_access_token_name CHECK (char_length(name) BETWEEN 1 AND 100),
         CONSTRAINT ck_access_token_expiry CHECK (expires_at > created_at AND expires_at <= created_at + interval '366 days')
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_access_token_user ON access_token (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE access_token`);
  }
}

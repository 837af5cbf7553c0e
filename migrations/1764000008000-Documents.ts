import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Document submissions and uploaded files. A file's bytes live outside the database (DocumentStorage) under a random
 * key; the row holds its state along `uploading → quarantined → ready | rejected`, what was detected from the bytes
 * and the sanitised original name. A file belongs to a case: a submission's, or another case's (a complaint's).
 */
export class Documents1764000008000 implements MigrationInterface {
  name = 'Documents1764000008000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE submission (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         case_id uuid NOT NULL,
         owner_id uuid NOT NULL,
         service_id varchar(64) NOT NULL,
         department_id varchar(64) NOT NULL,
         state varchar(16) NOT NULL DEFAULT 'draft',
         review_reason varchar(1000),
         submitted_at timestamptz,
         decided_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_submission PRIMARY KEY (id),
         CONSTRAINT uq_submission_case UNIQUE (case_id),
         CONSTRAINT fk_submission_case FOREIGN KEY (case_id) REFERENCES civic_case (id),
         CONSTRAINT fk_submission_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
         CONSTRAINT ck_submission_state CHECK (state IN ('draft', 'submitted', 'in_review', 'approved', 'rejected', 'needs_more')),
         CONSTRAINT ck_submission_decided CHECK ((state IN ('approved', 'rejected')) = (decided_at IS NOT NULL))
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_submission_owner ON submission (owner_id, created_at)`);
    await queryRunner.query(`CREATE INDEX ix_submission_department_state ON submission (department_id, state, created_at)`);
    await queryRunner.query(
      `CREATE TABLE document (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         case_id uuid NOT NULL,
         submission_id uuid,
         requirement_id varchar(64),
         owner_id uuid NOT NULL,
         department_id varchar(64) NOT NULL,
         state varchar(16) NOT NULL,
         rejection_reason varchar(16),
         original_name varchar(255) NOT NULL,
         media_type varchar(64),
         size_bytes bigint,
         sha256 bytea,
         storage_key varchar(64),
         upload_id varchar(64),
         scan_attempts integer NOT NULL DEFAULT 0,
         next_scan_at timestamptz,
         checked_at timestamptz,
         purged_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_document PRIMARY KEY (id),
         CONSTRAINT uq_document_storage_key UNIQUE (storage_key),
         CONSTRAINT uq_document_upload UNIQUE (upload_id),
         CONSTRAINT fk_document_case FOREIGN KEY (case_id) REFERENCES civic_case (id),
         CONSTRAINT fk_document_submission FOREIGN KEY (submission_id) REFERENCES submission (id) ON DELETE CASCADE,
         CONSTRAINT fk_document_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
         CONSTRAINT ck_document_state CHECK (state IN ('uploading', 'quarantined', 'ready', 'rejected')),
         CONSTRAINT ck_document_requirement CHECK ((submission_id IS NULL) = (requirement_id IS NULL)),
         CONSTRAINT ck_document_rejection CHECK ((state = 'rejected') = (rejection_reason IS NOT NULL)),
         CONSTRAINT ck_document_checked CHECK (state = 'uploading' OR (media_type IS NOT NULL AND size_bytes IS NOT NULL AND sha256 IS NOT NULL)),
         CONSTRAINT ck_document_bytes CHECK (state NOT IN ('quarantined', 'ready') OR storage_key IS NOT NULL OR purged_at IS NOT NULL)
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_document_case ON document (case_id)`);
    await queryRunner.query(`CREATE INDEX ix_document_submission ON document (submission_id, requirement_id)`);
    await queryRunner.query(`CREATE INDEX ix_document_owner ON document (owner_id)`);
    await queryRunner.query(`CREATE INDEX ix_document_scan_due ON document (next_scan_at) WHERE state = 'quarantined'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document`);
    await queryRunner.query(`DROP TABLE submission`);
  }
}

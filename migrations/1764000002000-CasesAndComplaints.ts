import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One case per citizen matter, with one human-readable number (SEL-2026-000123) and a tracking token for people
 * without an account; complaints hang on a case, and every status change is an event of the complaint.
 */
export class CasesAndComplaints1764000002000 implements MigrationInterface {
  name = 'CasesAndComplaints1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_number_counter (
        prefix varchar(3) NOT NULL,
        year integer NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT pk_case_number_counter PRIMARY KEY (prefix, year),
        CONSTRAINT ck_case_number_counter_positive CHECK (last_value > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE civic_case (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_number varchar(24) NOT NULL,
        owner_id uuid,
        tracking_token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_civic_case PRIMARY KEY (id),
        CONSTRAINT uq_civic_case_number UNIQUE (case_number),
        CONSTRAINT uq_civic_case_tracking_token UNIQUE (tracking_token_hash),
        CONSTRAINT fk_civic_case_owner FOREIGN KEY (owner_id) REFERENCES user_account (id),
        CONSTRAINT ck_civic_case_number CHECK (case_number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$')
      )`);
    await queryRunner.query(`CREATE INDEX ix_civic_case_owner ON civic_case (owner_id)`);
    await queryRunner.query(`
      CREATE TABLE complaint (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        service_id varchar(64) NOT NULL,
        department_id varchar(64) NOT NULL,
        description varchar(4000) NOT NULL,
        latitude double precision,
        longitude double precision,
        address varchar(300),
        place_id varchar(64),
        building_id varchar(64),
        floor smallint,
        altitude double precision,
        contact_email varchar(254),
        status varchar(16) NOT NULL DEFAULT 'submitted',
        expected_by timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_complaint PRIMARY KEY (id),
        CONSTRAINT uq_complaint_case UNIQUE (case_id),
        CONSTRAINT fk_complaint_case FOREIGN KEY (case_id) REFERENCES civic_case (id),
        CONSTRAINT ck_complaint_status CHECK (status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed')),
        CONSTRAINT ck_complaint_description CHECK (char_length(description) BETWEEN 1 AND 4000),
        CONSTRAINT ck_complaint_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL)
          AND (latitude IS NULL OR (latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180))),
        CONSTRAINT ck_complaint_location CHECK (latitude IS NOT NULL OR address IS NOT NULL OR place_id IS NOT NULL OR building_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX ix_complaint_department_status ON complaint (department_id, status, created_at)`);
    await queryRunner.query(`CREATE INDEX ix_complaint_service_status ON complaint (service_id, status)`);
    await queryRunner.query(`
      CREATE TABLE complaint_event (
        id bigint GENERATED ALWAYS AS IDENTITY,
        complaint_id uuid NOT NULL,
        status varchar(16) NOT NULL,
        note varchar(2000),
        is_public boolean NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_complaint_event PRIMARY KEY (id),
        CONSTRAINT fk_complaint_event_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
        CONSTRAINT ck_complaint_event_status CHECK (status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'closed'))
      )`);
    await queryRunner.query(`CREATE INDEX ix_complaint_event_complaint ON complaint_event (complaint_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaint_event`);
    await queryRunner.query(`DROP TABLE complaint`);
    await queryRunner.query(`DROP TABLE civic_case`);
    await queryRunner.query(`DROP TABLE case_number_counter`);
  }
}

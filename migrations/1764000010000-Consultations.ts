import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Virtual consultations: the room (one open per appointment, ticket or complaint), its messages with a gapless
 * sequence number and the sender's id unique per room (a retried send is stored once), and reports of misconduct.
 * `subject_id` is a plain uuid, so this migration depends on the cases' table only.
 */
export class Consultations1764000010000 implements MigrationInterface {
  name = 'Consultations1764000010000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE consultation (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         case_id uuid NOT NULL,
         subject_type varchar(16) NOT NULL,
         subject_id uuid NOT NULL,
         department_id varchar(64) NOT NULL,
         citizen_id uuid,
         official_id uuid NOT NULL,
         state varchar(16) NOT NULL DEFAULT 'waiting',
         outcome varchar(32),
         outcome_note varchar(500),
         last_seq integer NOT NULL DEFAULT 0,
         citizen_muted boolean NOT NULL DEFAULT false,
         citizen_removed boolean NOT NULL DEFAULT false,
         citizen_joined_at timestamptz,
         official_joined_at timestamptz,
         citizen_read_seq integer NOT NULL DEFAULT 0,
         official_read_seq integer NOT NULL DEFAULT 0,
         created_at timestamptz NOT NULL DEFAULT now(),
         live_at timestamptz,
         ended_at timestamptz,
         CONSTRAINT pk_consultation PRIMARY KEY (id),
         CONSTRAINT fk_consultation_case FOREIGN KEY (case_id) REFERENCES civic_case (id),
         CONSTRAINT fk_consultation_citizen FOREIGN KEY (citizen_id) REFERENCES user_account (id),
         CONSTRAINT fk_consultation_official FOREIGN KEY (official_id) REFERENCES user_account (id),
         CONSTRAINT ck_consultation_state CHECK (state IN ('waiting', 'live', 'ended')),
         CONSTRAINT ck_consultation_subject_type CHECK (subject_type IN ('appointment', 'ticket', 'complaint')),
         CONSTRAINT ck_consultation_outcome CHECK (outcome IN ('resolved', 'follow_up_booked', 'document_requested', 'no_show', 'other')),
         CONSTRAINT ck_consultation_ended CHECK ((state = 'ended') = (outcome IS NOT NULL) AND (state = 'ended') = (ended_at IS NOT NULL)),
         CONSTRAINT ck_consultation_last_seq CHECK (last_seq >= 0)
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_consultation_open_subject ON consultation (subject_type, subject_id) WHERE state <> 'ended'`,
    );
    await queryRunner.query(`CREATE INDEX ix_consultation_citizen ON consultation (citizen_id, created_at)`);
    await queryRunner.query(`CREATE INDEX ix_consultation_official ON consultation (official_id, created_at)`);
    await queryRunner.query(`CREATE INDEX ix_consultation_case ON consultation (case_id)`);
    await queryRunner.query(
      `CREATE TABLE consultation_message (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         consultation_id uuid NOT NULL,
         seq integer NOT NULL,
         client_id uuid NOT NULL,
         author_id uuid,
         author_role varchar(16) NOT NULL,
         text varchar(2000) NOT NULL,
         at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_consultation_message PRIMARY KEY (id),
         CONSTRAINT fk_consultation_message_consultation FOREIGN KEY (consultation_id) REFERENCES consultation (id),
         CONSTRAINT fk_consultation_message_author FOREIGN KEY (author_id) REFERENCES user_account (id),
         CONSTRAINT uq_consultation_message_seq UNIQUE (consultation_id, seq),
         CONSTRAINT uq_consultation_message_client UNIQUE (consultation_id, client_id),
         CONSTRAINT ck_consultation_message_seq CHECK (seq > 0),
         CONSTRAINT ck_consultation_message_author_role CHECK (author_role IN ('citizen', 'official', 'supervisor')),
         CONSTRAINT ck_consultation_message_text CHECK (char_length(text) BETWEEN 1 AND 2000)
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE consultation_report (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         consultation_id uuid NOT NULL,
         reporter_id uuid,
         reason varchar(500) NOT NULL,
         at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_consultation_report PRIMARY KEY (id),
         CONSTRAINT fk_consultation_report_consultation FOREIGN KEY (consultation_id) REFERENCES consultation (id),
         CONSTRAINT fk_consultation_report_reporter FOREIGN KEY (reporter_id) REFERENCES user_account (id)
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_consultation_report_consultation ON consultation_report (consultation_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE consultation_report`);
    await queryRunner.query(`DROP TABLE consultation_message`);
    await queryRunner.query(`DROP TABLE consultation`);
  }
}

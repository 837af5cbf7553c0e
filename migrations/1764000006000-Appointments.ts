import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments with officials, their waitlist, admins' schedules and exceptions, officials' calendar feeds, and the
 * Idempotency-Key answers of booking writes. btree_gist lets one exclusion constraint compare an official's id (=)
 * and a time range (&&): no two held, booked or arrived appointments of an official overlap, whatever the race.
 */
export class Appointments1764000006000 implements MigrationInterface {
  name = 'Appointments1764000006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE appointment (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         case_id uuid,
         citizen_id uuid NOT NULL,
         service_id varchar(64) NOT NULL,
         department_id varchar(64) NOT NULL,
         official_id varchar(64) NOT NULL,
         counter_id varchar(64) NOT NULL,
         mode varchar(16) NOT NULL,
         status varchar(16) NOT NULL,
         starts_at timestamptz NOT NULL,
         ends_at timestamptz NOT NULL,
         hold_expires_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         updated_at timestamptz NOT NULL DEFAULT now(),
         revision integer NOT NULL DEFAULT 0,
         CONSTRAINT pk_appointment PRIMARY KEY (id),
         CONSTRAINT fk_appointment_case FOREIGN KEY (case_id) REFERENCES civic_case (id),
         CONSTRAINT fk_appointment_citizen FOREIGN KEY (citizen_id) REFERENCES user_account (id),
         CONSTRAINT ck_appointment_status CHECK (status IN ('held', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'expired')),
         CONSTRAINT ck_appointment_mode CHECK (mode IN ('in_person', 'virtual')),
         CONSTRAINT ck_appointment_times CHECK (ends_at > starts_at),
         CONSTRAINT ck_appointment_hold CHECK (status <> 'held' OR hold_expires_at IS NOT NULL),
         CONSTRAINT ck_appointment_case CHECK (status IN ('held', 'expired') OR case_id IS NOT NULL),
         CONSTRAINT ex_appointment_official_time EXCLUDE USING gist ("official_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
           WHERE (status IN ('held', 'booked', 'arrived')),
         CONSTRAINT ex_appointment_citizen_time EXCLUDE USING gist ("citizen_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
           WHERE (status IN ('booked', 'arrived'))
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_appointment_citizen ON appointment (citizen_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX ix_appointment_department ON appointment (department_id, starts_at)`);
    await queryRunner.query(
      `CREATE TABLE appointment_waitlist_entry (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         service_id varchar(64) NOT NULL,
         day date NOT NULL,
         citizen_id uuid NOT NULL,
         status varchar(16) NOT NULL DEFAULT 'waiting',
         offered_appointment_id uuid,
         created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         CONSTRAINT pk_appointment_waitlist_entry PRIMARY KEY (id),
         CONSTRAINT fk_appointment_waitlist_citizen FOREIGN KEY (citizen_id) REFERENCES user_account (id) ON DELETE CASCADE,
         CONSTRAINT ck_appointment_waitlist_status CHECK (status IN ('waiting', 'offered'))
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_appointment_waitlist_waiting ON appointment_waitlist_entry (service_id, day, citizen_id) WHERE status = 'waiting'`,
    );
    await queryRunner.query(`CREATE INDEX ix_appointment_waitlist_line ON appointment_waitlist_entry (service_id, day, created_at)`);
    await queryRunner.query(
      `CREATE TABLE official_schedule (
         official_id varchar(64) NOT NULL,
         weekly_schedule jsonb NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_official_schedule PRIMARY KEY (official_id)
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE schedule_exception (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         official_id varchar(64),
         starts_at timestamptz NOT NULL,
         ends_at timestamptz NOT NULL,
         reason varchar(200) NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_schedule_exception PRIMARY KEY (id),
         CONSTRAINT ck_schedule_exception_times CHECK (ends_at > starts_at)
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_schedule_exception_time ON schedule_exception (starts_at, ends_at)`);
    await queryRunner.query(
      `CREATE TABLE calendar_feed (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         owner_id uuid NOT NULL,
         token_hash bytea NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now(),
         revoked_at timestamptz,
         CONSTRAINT pk_calendar_feed PRIMARY KEY (id),
         CONSTRAINT fk_calendar_feed_owner FOREIGN KEY (owner_id) REFERENCES user_account (id) ON DELETE CASCADE
       )`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX uq_calendar_feed_token ON calendar_feed (token_hash)`);
    await queryRunner.query(`CREATE UNIQUE INDEX uq_calendar_feed_active ON calendar_feed (owner_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE idempotency_key (
         owner_id uuid NOT NULL,
         key varchar(255) NOT NULL,
         request_hash bytea NOT NULL,
         status_code integer,
         response_body json,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_idempotency_key PRIMARY KEY (owner_id, key)
       )`,
    );
    await queryRunner.query(`CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_key`);
    await queryRunner.query(`DROP TABLE calendar_feed`);
    await queryRunner.query(`DROP TABLE schedule_exception`);
    await queryRunner.query(`DROP TABLE official_schedule`);
    await queryRunner.query(`DROP TABLE appointment_waitlist_entry`);
    await queryRunner.query(`DROP TABLE appointment`);
    // btree_gist stays: other schemas of the database may use it.
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live service queues at the counters of the city hall: each counter's state (open, by whom), tickets with a
 * number counted per counter and day, and the rules the database keeps against races — one number per ticket,
 * one waiting ticket per person per counter. `appointment_id` is a plain uuid without a foreign key, so this
 * migration does not depend on the appointments' tables.
 */
export class Queues1764000007000 implements MigrationInterface {
  name = 'Queues1764000007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE queue_counter (
         hall_id varchar(64) NOT NULL,
         counter_id varchar(64) NOT NULL,
         is_open boolean NOT NULL DEFAULT false,
         official_id uuid,
         opened_at timestamptz,
         CONSTRAINT pk_queue_counter PRIMARY KEY (hall_id, counter_id),
         CONSTRAINT fk_queue_counter_official FOREIGN KEY (official_id) REFERENCES user_account (id) ON DELETE SET NULL,
         CONSTRAINT ck_queue_counter_open CHECK (is_open OR (official_id IS NULL AND opened_at IS NULL))
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE queue_ticket_sequence (
         hall_id varchar(64) NOT NULL,
         counter_id varchar(64) NOT NULL,
         day date NOT NULL,
         last_value integer NOT NULL,
         CONSTRAINT pk_queue_ticket_sequence PRIMARY KEY (hall_id, counter_id, day),
         CONSTRAINT ck_queue_ticket_sequence_positive CHECK (last_value > 0)
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE queue_ticket (
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         hall_id varchar(64) NOT NULL,
         counter_id varchar(64) NOT NULL,
         service_id varchar(64) NOT NULL,
         day date NOT NULL,
         sequence integer NOT NULL,
         number varchar(16) NOT NULL,
         priority boolean NOT NULL DEFAULT false,
         status varchar(16) NOT NULL DEFAULT 'waiting',
         holder_id uuid,
         token_hash bytea,
         appointment_id uuid,
         case_id uuid,
         transferred_from_id uuid,
         queued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
         created_at timestamptz NOT NULL DEFAULT now(),
         called_at timestamptz,
         serving_at timestamptz,
         finished_at timestamptz,
         service_seconds integer,
         CONSTRAINT pk_queue_ticket PRIMARY KEY (id),
         CONSTRAINT fk_queue_ticket_holder FOREIGN KEY (holder_id) REFERENCES user_account (id) ON DELETE SET NULL,
         CONSTRAINT fk_queue_ticket_case FOREIGN KEY (case_id) REFERENCES civic_case (id),
         CONSTRAINT fk_queue_ticket_transferred_from FOREIGN KEY (transferred_from_id) REFERENCES queue_ticket (id),
         CONSTRAINT uq_queue_ticket_number UNIQUE (hall_id, counter_id, day, sequence),
         CONSTRAINT uq_queue_ticket_token UNIQUE (token_hash),
         CONSTRAINT uq_queue_ticket_transferred_from UNIQUE (transferred_from_id),
         CONSTRAINT ck_queue_ticket_status CHECK (status IN ('waiting', 'called', 'serving', 'done', 'noshow', 'transferred', 'cancelled')),
         CONSTRAINT ck_queue_ticket_sequence CHECK (sequence > 0),
         CONSTRAINT ck_queue_ticket_token CHECK (token_hash IS NOT NULL OR status = 'transferred'),
         CONSTRAINT ck_queue_ticket_service_seconds CHECK ((service_seconds IS NULL) = (status <> 'done') AND (service_seconds IS NULL OR service_seconds >= 0))
       )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX uq_queue_ticket_waiting_holder ON queue_ticket (hall_id, counter_id, holder_id) WHERE status = 'waiting'`,
    );
    await queryRunner.query(`CREATE INDEX ix_queue_ticket_line ON queue_ticket (hall_id, counter_id, status, priority, queued_at)`);
    await queryRunner.query(`CREATE INDEX ix_queue_ticket_finished ON queue_ticket (hall_id, counter_id, finished_at)`);
    await queryRunner.query(`CREATE INDEX ix_queue_ticket_holder ON queue_ticket (holder_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE queue_ticket`);
    await queryRunner.query(`DROP TABLE queue_ticket_sequence`);
    await queryRunner.query(`DROP TABLE queue_counter`);
  }
}

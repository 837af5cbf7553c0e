import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The last case number given per prefix and year; advanced atomically by an upsert. */
@Entity({ name: 'case_number_counter' })
@Check('ck_case_number_counter_positive', 'last_value > 0')
export class CaseNumberCounter {
  @PrimaryColumn({ type: 'varchar', length: 3, primaryKeyConstraintName: 'pk_case_number_counter' })
  prefix!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_case_number_counter' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}

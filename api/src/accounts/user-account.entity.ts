import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ROLES = ['citizen', 'official', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// Constraints are made by migrations/; declared here too so that migration:generate sees no drift.
@Entity({ name: 'user_account' })
@Index('uq_user_account_email', ['email'], { unique: true })
@Check('ck_user_account_role', `role IN ('citizen', 'official', 'admin')`)
@Check('ck_user_account_official_department', `(role = 'official') = (department_id IS NOT NULL)`)
@Index('uq_user_account_official', ['officialId'], { unique: true, where: 'official_id IS NOT NULL' })
@Check('ck_user_account_official_id', `official_id IS NULL OR role = 'official'`)
@Check('ck_user_account_email', `email = lower(email) AND position('@' in email) > 1`)
export class UserAccount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ name: 'preferred_language', type: 'varchar', length: 16, default: 'en' })
  preferredLanguage!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** A department id of the city pack; set for officials only. */
  @Column({ name: 'department_id', type: 'varchar', length: 64, nullable: true })
  departmentId!: string | null;

  /** The city pack's official this account is (an official of its department), when an admin has linked one. */
  @Column({ name: 'official_id', type: 'varchar', length: 64, nullable: true })
  officialId!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, select: false })
  passwordHash!: string;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** Set when the person erased their account: the row stays for the city's records, without personal data. */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt!: Date | null;
}

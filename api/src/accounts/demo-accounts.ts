import type { DataSource } from 'typeorm';
import type { CityPack } from '../city/city-pack.types.js';
import { hashPassword } from './password.js';
import { type Role, UserAccount } from './user-account.entity.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  displayName: string;
}

/**
 * The demo accounts of demo mode, documented in the README. They exist only while DEMO_DATA is on:
 * with it off, start-up removes them, so a demo password can never open a real deployment.
 */
export const demoAccounts: readonly DemoAccount[] = [
  { email: 'citizen@demo.civicverse.local', password: 'demo-citizen-2026', role: 'citizen', displayName: 'Demo Citizen' },
  { email: 'official@demo.civicverse.local', password: 'demo-official-2026', role: 'official', displayName: 'Demo Official' },
  { email: 'admin@demo.civicverse.local', password: 'demo-admin-2026', role: 'admin', displayName: 'Demo Admin' },
];

/** Creates the demo accounts that do not exist yet; returns how many it created. Safe to run again. */
export async function seedDemoAccounts(dataSource: DataSource, pack: CityPack): Promise<number> {
  const repository = dataSource.getRepository(UserAccount);
  const officialDepartment = pack.officials[0]?.departmentId ?? pack.departments[0]?.id ?? null;
  let created = 0;
  // Back in demo mode, demo accounts disabled when it was last off work again.
  await dataSource.query(`UPDATE user_account SET disabled_at = NULL WHERE is_demo AND disabled_at IS NOT NULL`);
  for (const account of demoAccounts) {
    if (await repository.existsBy({ email: account.email })) continue;
    const result = await repository
      .createQueryBuilder()
      .insert()
      .values({
        email: account.email,
        displayName: account.displayName,
        preferredLanguage: pack.languages[0] ?? 'en',
        role: account.role,
        departmentId: account.role === 'official' ? officialDepartment : null,
        passwordHash: await hashPassword(account.password),
        isDemo: true,
      })
      .orIgnore()
      .execute();
    created += result.identifiers.filter(Boolean).length;
  }
  await linkDemoOfficial(dataSource, pack);
  return created;
}

/**
 * The demo official is the pack's first official (whose department it has), unless another account already is:
 * a city's real link wins. Also links a demo official made before accounts had links.
 */
async function linkDemoOfficial(dataSource: DataSource, pack: CityPack): Promise<void> {
  const official = pack.officials[0];
  const email = demoAccounts.find((account) => account.role === 'official')?.email;
  if (!official || !email) return;
  await dataSource.query(
    `UPDATE user_account SET official_id = $1
      WHERE email = $2 AND is_demo AND role = 'official' AND department_id = $3 AND official_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM user_account WHERE official_id = $1)`,
    [official.id, email, official.departmentId],
  );
}

/**
 * With demo data off: every demo account goes, or, when records others keep still name it (a consultation's
 * transcript with a real citizen, say), it is disabled in its place — its password is public either way.
 */
export async function removeDemoAccounts(dataSource: DataSource): Promise<{ removed: number; disabled: number }> {
  const demo = await dataSource.query<{ id: string }[]>(`SELECT id FROM user_account WHERE is_demo AND disabled_at IS NULL`);
  const outcome = { removed: 0, disabled: 0 };
  for (const { id } of demo) {
    try {
      await dataSource.transaction((manager) => manager.query(`DELETE FROM user_account WHERE id = $1`, [id]));
      outcome.removed += 1;
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== FOREIGN_KEY_VIOLATION) throw error;
      await dataSource.query(`UPDATE user_account SET disabled_at = now() WHERE id = $1`, [id]);
      outcome.disabled += 1;
    }
  }
  return outcome;
}

const FOREIGN_KEY_VIOLATION = '23503';

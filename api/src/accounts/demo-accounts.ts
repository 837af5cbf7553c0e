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
  return created;
}

export async function removeDemoAccounts(dataSource: DataSource): Promise<number> {
  const result = await dataSource.getRepository(UserAccount).delete({ isDemo: true });
  return result.affected ?? 0;
}

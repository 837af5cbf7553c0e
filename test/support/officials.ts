import { demoAccounts } from '../../api/src/accounts/demo-accounts.js';
import { TestClient, uniqueEmail } from './http-client.js';

export interface TestOfficial {
  id: string;
  email: string;
  password: string;
  /** Signed in as the official, for the steps a test takes through the API. */
  client: TestClient;
}

export const officialPassword = 'harbour-lantern-99';

/** The demo admin, signed in (the app must run with DEMO_DATA, as every test app does). */
export async function signedInAdmin(apiUrl: string): Promise<TestClient> {
  const admin = new TestClient(apiUrl);
  const demo = demoAccounts.find((account) => account.role === 'admin');
  const signedIn = await admin.signIn(demo?.email ?? '', demo?.password ?? '');
  if (signedIn.status !== 200) throw new Error(`demo admin sign-in: ${signedIn.status}`);
  return admin;
}

/** An official of the department, made by the demo admin as the city would. */
export async function makeOfficial(apiUrl: string, departmentId: string, displayName = 'Officer'): Promise<TestOfficial> {
  const admin = await signedInAdmin(apiUrl);
  const email = uniqueEmail(`official-${departmentId}`);
  const made = await admin.post('/api/admin/officials', { email, displayName, departmentId, password: officialPassword });
  if (made.status !== 201) throw new Error(`making an official of ${departmentId}: ${made.status} ${await made.text()}`);
  const { id } = (await made.json()) as { id: string };
  const client = new TestClient(apiUrl);
  const signedIn = await client.signIn(email, officialPassword);
  if (signedIn.status !== 200) throw new Error(`official sign-in: ${signedIn.status}`);
  return { id, email, password: officialPassword, client };
}

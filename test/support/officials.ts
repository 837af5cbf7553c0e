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

/** An official of the department, made by the demo admin as the city would (the app must run with DEMO_DATA). */
export async function makeOfficial(apiUrl: string, departmentId: string, displayName = 'Officer'): Promise<TestOfficial> {
  const admin = new TestClient(apiUrl);
  const demoAdmin = demoAccounts.find((account) => account.role === 'admin');
  await admin.signIn(demoAdmin?.email ?? '', demoAdmin?.password ?? '');
  const email = uniqueEmail(`official-${departmentId}`);
  const made = await admin.post('/api/admin/officials', { email, displayName, departmentId, password: officialPassword });
  if (made.status !== 201) throw new Error(`making an official of ${departmentId}: ${made.status} ${await made.text()}`);
  const { id } = (await made.json()) as { id: string };
  const client = new TestClient(apiUrl);
  const signedIn = await client.signIn(email, officialPassword);
  if (signedIn.status !== 200) throw new Error(`official sign-in: ${signedIn.status}`);
  return { id, email, password: officialPassword, client };
}

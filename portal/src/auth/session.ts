import { ApiError } from '../api/client';
import { fetchMe, type Me } from '../api/identity';

/**
 * Who is signed in, as far as the portal knows: asked once at start (`GET /api/me`, 401 = signed out),
 * then kept up to date by the pages that sign in, change the profile, sign out or delete the account.
 * The cookie is HttpOnly, so this is the only place the portal learns about the session.
 */
type Listener = (person: Me | null) => void;

let person: Me | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<Listener>();

function set(next: Me | null): void {
  person = next;
  for (const listener of listeners) listener(person);
}

/** Asks the API once; later calls share the answer. Never rejects: any failure counts as signed out. */
export function loadSession(language: string): Promise<void> {
  loading ??= fetchMe({ language }).then(
    (me) => set(me),
    (error: unknown) => {
      // 401 AUTH_REQUIRED is the ordinary answer for someone signed out; a network failure or a server
      // error leaves the portal usable as if signed out, and signing in asks again.
      if (!(error instanceof ApiError)) console.error(error);
      set(null);
    },
  );
  return loading;
}

export function currentPerson(): Me | null {
  return person;
}

/** After a sign-in, a registration or a profile change. */
export function signedIn(me: Me): void {
  set(me);
}

/** After signing out, erasing the account, or an answer that says the session has ended. */
export function signedOut(): void {
  set(null);
}

/** Calls `listener` on every change; returns the function that stops it. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

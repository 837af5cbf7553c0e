import { getJson, sendJson, type RequestOptions } from './client';

/** The signed-in person (docs/api/identity.md). */
export interface Me {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: string;
  role: 'citizen' | 'official' | 'admin';
  departmentId: string | null;
  /** The city pack official an official's account is, once an admin has linked it. */
  officialId: string | null;
  createdAt: string;
}

/** The purposes the city asks consent for; their texts are in locales/<lang>/account.json under consents. */
export const consentPurposes = ['notifications-email', 'satisfaction-survey'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** The version of the consent texts the portal shows; saved with every answer. */
export const consentTextVersion = '2026-11';

export interface Consent {
  purpose: string;
  version: string;
  given: boolean;
  /** When it was last answered (ISO 8601), null when never. */
  at: string | null;
}

export interface Registration {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: string;
}

/** A download of everything the city holds about the person; a plain link to it carries the session cookie. */
export const exportPath = '/api/me/export';

export const register = (body: Registration, options: RequestOptions) =>
  sendJson<{ user: Me }>('POST', '/api/auth/register', body, options).then(({ user }) => user);

export const signIn = (body: { email: string; password: string }, options: RequestOptions) =>
  sendJson<{ user: Me }>('POST', '/api/auth/login', body, options).then(({ user }) => user);

export const signOut = (options: RequestOptions) => sendJson<void>('POST', '/api/auth/logout', undefined, options);

export const fetchMe = (options: RequestOptions) => getJson<Me>('/api/me', options);

export const updateMe = (body: { displayName?: string; preferredLanguage?: string }, options: RequestOptions) =>
  sendJson<Me>('PATCH', '/api/me', body, options);

export const changePassword = (body: { currentPassword: string; newPassword: string }, options: RequestOptions) =>
  sendJson<void>('POST', '/api/me/password', body, options);

export const fetchConsents = (options: RequestOptions) => getJson<Consent[]>('/api/me/consents', options);

export const saveConsent = (purpose: string, given: boolean, options: RequestOptions) =>
  sendJson<Consent>('PUT', `/api/me/consents/${encodeURIComponent(purpose)}`, { given, version: consentTextVersion }, options);

export const deleteAccount = (password: string, options: RequestOptions) => sendJson<void>('DELETE', '/api/me', { password }, options);

import { createHash } from 'node:crypto';

/** SHA-256 of a secret or identifier we must find again but never store: session and tracking tokens, emails of failed sign-ins. */
export const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

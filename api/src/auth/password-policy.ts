import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase or manager; short enough that hashing stays cheap. */
export const PASSWORD_MAX_LENGTH = 128;

/** About 49,000 passwords that leaks show people choose most (zxcvbn-ts's common list). */
const common = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

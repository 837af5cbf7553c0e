/** The server tests make their database on; trust auth on this machine. */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Set by the global setup for the test workers. */
export const RUN_DATABASE_ENV = 'CIVICVERSE_RUN_DATABASE_URL';
export const NO_DATABASE_ENV = 'CIVICVERSE_NO_DATABASE';

export function databaseUrlFor(name) {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

import { ConfigError, loadConfig, redactUrl } from './environment.js';

describe('loadConfig', () => {
  test('defaults: embedded database under ./.data with demo data, port 3000 on loopback, Seoul', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', city: 'seoul', demoData: true, redisUrl: undefined });
    expect(config.database).toEqual({ kind: 'embedded', dataDir: expect.stringMatching(/\.data$/) });
  });

  test('DATABASE_URL selects that server and turns demo data off unless asked for', () => {
    const url = 'postgres://civic:secret@db.example:5432/civicverse';
    expect(loadConfig({ DATABASE_URL: url })).toMatchObject({ database: { kind: 'postgres', url }, demoData: false });
    expect(loadConfig({ DATABASE_URL: url, DEMO_DATA: 'on' }).demoData).toBe(true);
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  test.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ PORT: '3000.5' }, 'PORT must be a whole number from 1 to 65535 (got "3000.5")'],
    [{ CITY: '../etc' }, 'CITY must be the id of a city pack, e.g. "seoul" (got "../etc")'],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA must be true or false (got "maybe")'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")'],
    [
      { DATABASE_URL: 'mysql://root:hunter2@h/db' },
      'DATABASE_URL must be a postgres:// or postgresql:// URL (got "mysql://root:***@h/db")',
    ],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL (got "localhost:6379")'],
  ])('%j is refused with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  test('passwords never appear in messages', () => {
    expect(redactUrl('postgres://civic:s3cr3t@host:5432/db')).toBe('postgres://civic:***@host:5432/db');
    expect(redactUrl('postgres://host/db')).toBe('postgres://host/db');
  });
});

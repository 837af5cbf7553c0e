import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EnvironmentVariables } from '../../api/src/config/environment.js';
import { repoRoot } from '../../api/src/config/paths.js';

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}

// No Docker engine runs here, so the stack is checked as data: the services the docs promise, and only
// variables the API knows.
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(repoRoot, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> };
  const { postgres, redis, app } = compose.services;

  test('runs PostgreSQL 16, Redis 7 and the app built from the Dockerfile, the app after both are healthy', () => {
    expect(postgres?.image).toMatch(/^postgres:16/);
    expect(redis?.image).toMatch(/^redis:7/);
    expect(app?.build).toBe('.');
    expect(app?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(postgres?.healthcheck).toBeDefined();
    expect(redis?.healthcheck).toBeDefined();
  });

  test('gives the app only variables it reads, pointing at the two services', () => {
    const known = new Set(Object.keys(new EnvironmentVariables()).concat(['DATABASE_URL', 'REDIS_URL', 'DEMO_DATA']));
    const environment = app?.environment ?? {};
    expect(Object.keys(environment).filter((name) => !known.has(name))).toEqual([]);
    expect(String(environment.DATABASE_URL)).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(environment.REDIS_URL).toBe('redis://redis:6379');
  });

  test('the Dockerfile runs the built API as an unprivileged user', () => {
    const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/CMD \["node", "dist\/api\/src\/main\.js"\]/);
  });
});

import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { resolve } from 'node:path';
import type { IceServer } from '../consultations/consultation-view.types.js';

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  on: true,
  yes: true,
  false: false,
  '0': false,
  off: false,
  no: false,
};
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Leaves a value that is not a whole number as it was, so validation can name it instead of NaN. */
const toInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim().toLowerCase() in BOOLEAN_WORDS ? BOOLEAN_WORDS[value.trim().toLowerCase()] : value;

/**
 * The process environment the API reads, validated once at boot. Every variable is documented in
 * docs/configuration.md (secret or not, default, range).
 */
export class EnvironmentVariables {
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number from 1 to 65535' })
  @Min(1, { message: 'must be a whole number from 1 to 65535' })
  @Max(65535, { message: 'must be a whole number from 1 to 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'must be a host name or IP address' })
  HOST = '127.0.0.1';

  /** Secret: may carry a password. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must be a folder path' })
  DATA_DIR = './.data';

  /** Secret: may carry a password. */
  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be the id of a city pack, e.g. "seoul"' })
  CITY = 'seoul';

  /** Defaults to on with the embedded database and off with DATABASE_URL (see resolveDemoData). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  DEMO_DATA?: boolean;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number from 1 to 100000' })
  @Min(1, { message: 'must be a whole number from 1 to 100000' })
  @Max(100_000, { message: 'must be a whole number from 1 to 100000' })
  RATE_LIMIT_PER_MINUTE = 300;

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number from 1 to 100000' })
  @Min(1, { message: 'must be a whole number from 1 to 100000' })
  @Max(100_000, { message: 'must be a whole number from 1 to 100000' })
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of bytes from 1024 to 104857600' })
  @Min(1024, { message: 'must be a whole number of bytes from 1024 to 104857600' })
  @Max(100 * 1024 * 1024, { message: 'must be a whole number of bytes from 1024 to 104857600' })
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  TRUST_PROXY = false;

  /** The ClamAV daemon that scans uploaded documents; without it files wait for an official to release them. */
  @IsOptional()
  @Matches(/^(tcp:\/\/[^\s/:]+:\d{1,5}|unix:\/\/\/[^\s]+)$/, { message: 'must be tcp://host:port or unix:///path/to/clamd.sock' })
  CLAMD_URL?: string;

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of seconds from 1 to 3600' })
  @Min(1, { message: 'must be a whole number of seconds from 1 to 3600' })
  @Max(3600, { message: 'must be a whole number of seconds from 1 to 3600' })
  DOCUMENT_SCAN_RETRY_SECONDS = 30;

  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number of days from 1 to 3650' })
  @Min(1, { message: 'must be a whole number of days from 1 to 3650' })
  @Max(3650, { message: 'must be a whole number of days from 1 to 3650' })
  DOCUMENT_RETENTION_DAYS = 365;

  /** Voice calls in consultations (WebRTC, signalled over `/live`); off unless the city offers them. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  VOICE_ENABLED = false;

  /** Secret: TURN servers carry credentials. A JSON array of RTCIceServer; checked by iceServersOf. */
  @IsString()
  ICE_SERVERS = '[]';
}

/** The validated configuration the rest of the API uses. */
export interface AppConfig {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };
  dataDir: string;
  redisUrl: string | undefined;
  city: string;
  demoData: boolean;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  rateLimitPerMinute: number;
  authRateLimitPerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  clamdUrl: string | undefined;
  documentScanRetrySeconds: number;
  documentRetentionDays: number;
  voiceEnabled: boolean;
  iceServers: IceServer[];
}

/** A bad setting: start-up prints the message as one line and exits. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const given = Object.fromEntries(
    [...known, 'DATABASE_URL', 'REDIS_URL', 'DEMO_DATA', 'CLAMD_URL']
      .filter((name) => env[name] !== undefined && env[name] !== '')
      .map((name) => [name, env[name]]),
  );
  const vars = plainToInstance(EnvironmentVariables, given, { exposeDefaultValues: true });
  const [problem] = validateSync(vars, { stopAtFirstError: true });
  if (problem) {
    const reason = Object.values(problem.constraints ?? {})[0] ?? 'is not valid';
    const shown = /URL$/.test(problem.property) ? redactUrl(String(given[problem.property])) : String(given[problem.property]);
    throw new ConfigError(`${problem.property} ${reason} (got "${shown}")`);
  }
  const dataDir = resolve(vars.DATA_DIR);
  return {
    port: vars.PORT,
    host: vars.HOST,
    database: vars.DATABASE_URL ? { kind: 'postgres', url: vars.DATABASE_URL } : { kind: 'embedded', dataDir },
    dataDir,
    redisUrl: vars.REDIS_URL,
    city: vars.CITY,
    demoData: vars.DEMO_DATA ?? !vars.DATABASE_URL,
    logLevel: vars.LOG_LEVEL,
    rateLimitPerMinute: vars.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: vars.AUTH_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: vars.BODY_LIMIT_BYTES,
    trustProxy: vars.TRUST_PROXY,
    clamdUrl: vars.CLAMD_URL,
    documentScanRetrySeconds: vars.DOCUMENT_SCAN_RETRY_SECONDS,
    documentRetentionDays: vars.DOCUMENT_RETENTION_DAYS,
    voiceEnabled: vars.VOICE_ENABLED,
    iceServers: iceServersOf(vars.ICE_SERVERS),
  };
}

const ICE_URL = /^(stun|turns?):[^\s]+$/;

/** ICE_SERVERS as the browser's RTCPeerConnection takes them; the value itself is never shown, as it may hold a password. */
function iceServersOf(json: string): IceServer[] {
  const problem = new ConfigError(
    'ICE_SERVERS must be a JSON array of { "urls", "username"?, "credential"? } with stun:, turn: or turns: URLs',
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw problem;
  }
  if (!Array.isArray(parsed)) throw problem;
  return parsed.map((entry: unknown): IceServer => {
    if (typeof entry !== 'object' || entry === null) throw problem;
    const { urls, username, credential, ...rest } = entry as Record<string, unknown>;
    const urlList = typeof urls === 'string' ? [urls] : urls;
    const fine =
      Array.isArray(urlList) &&
      urlList.length > 0 &&
      urlList.every((url) => typeof url === 'string' && ICE_URL.test(url)) &&
      [username, credential].every((value) => value === undefined || typeof value === 'string') &&
      Object.keys(rest).length === 0;
    if (!fine) throw problem;
    return {
      urls: urls as string | string[],
      ...(username === undefined ? {} : { username: username as string }),
      ...(credential === undefined ? {} : { credential: credential as string }),
    };
  });
}

/** Hides the password of a connection URL before it reaches a log or a terminal. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@\s]*:)[^@\s]*@/i, '$1***@');
}

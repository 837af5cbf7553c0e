import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ID_MAX, ID_PATTERN, show } from './city-pack.checks.js';
import { CityPackError, CityPackErrorCode } from './city-pack.errors.js';
import type { CityPack } from './city-pack.types.js';
import { validateCityPack } from './city-pack.validator.js';

export { CityPackError, CityPackErrorCode } from './city-pack.errors.js';

export interface CityPackLoadOptions {
  /** The folder of `<id>.json` files; callers pass `cityPacksDir` from config/paths.ts. */
  packsDir: string;
  knownLanguages: readonly string[];
}

const isPackId = (id: unknown): id is string => typeof id === 'string' && id.length <= ID_MAX && ID_PATTERN.test(id);

/** The ids of the packs in `packsDir`: each `<id>.json` whose name is a valid id, sorted. */
export async function listCityPacks(packsDir: string): Promise<string[]> {
  let names: string[];
  try {
    const entries = await readdir(packsDir, { withFileTypes: true });
    names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch (error) {
    throw new CityPackError(CityPackErrorCode.UNREADABLE, `city packs folder ${packsDir} cannot be read: ${(error as Error).message}`);
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter(isPackId)
    .sort();
}

/**
 * Reads and validates `<packsDir>/<id>.json`. The id must be one of the listed packs before it is joined
 * to a path, so "../etc" or "seoul.json" can never reach the file system.
 */
export async function loadCityPack(id: string, options: CityPackLoadOptions): Promise<CityPack> {
  if (!isPackId(id)) throw unknownPack(id, await listCityPacks(options.packsDir));
  const known = await listCityPacks(options.packsDir);
  if (!known.includes(id)) throw unknownPack(id, known);
  const file = join(options.packsDir, `${id}.json`);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new CityPackError(CityPackErrorCode.UNREADABLE, `city pack ${file} cannot be read: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    data = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CityPackError(CityPackErrorCode.UNREADABLE, `city pack ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const pack = validateCityPack(data, { knownLanguages: options.knownLanguages, source: file });
  if (pack.id !== id) {
    throw CityPackError.invalid(file, [`id: ${show(pack.id)} must equal the file name "${id}"`]);
  }
  return pack;
}

const unknownPack = (id: unknown, known: string[]): CityPackError =>
  new CityPackError(CityPackErrorCode.UNKNOWN, `CITY ${show(id)} is not a known city pack (known: ${known.join(', ') || 'none'})`);

import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityPacksDir } from '../config/paths.js';
import { CityPackError, CityPackErrorCode } from './city-pack.errors.js';
import { listCityPacks, loadCityPack } from './city-pack.loader.js';

const knownLanguages = ['en', 'ko', 'ar'];

async function rejection(promise: Promise<unknown>): Promise<CityPackError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CityPackError);
  return error as CityPackError;
}

describe('the shipped packs', () => {
  it('lists dubai and seoul', async () => {
    await expect(listCityPacks(cityPacksDir)).resolves.toEqual(['dubai', 'seoul']);
  });

  it.each(['seoul', 'dubai'])('loads %s', async (id) => {
    const pack = await loadCityPack(id, { packsDir: cityPacksDir, knownLanguages });
    expect(pack.id).toBe(id);
  });

  it('names the known packs when the id is unknown', async () => {
    const error = await rejection(loadCityPack('paris', { packsDir: cityPacksDir, knownLanguages }));
    expect(error.code).toBe(CityPackErrorCode.UNKNOWN);
    expect(error.message).toBe('CITY "paris" is not a known city pack (known: dubai, seoul)');
  });
});

describe('loadCityPack on fixtures', () => {
  let root: string;
  let packsDir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'civicverse-packs-'));
    packsDir = join(root, 'packs');
    await mkdir(packsDir);
    await copyFile(join(cityPacksDir, 'seoul.json'), join(packsDir, 'seoul.json'));
    // Valid packs just outside the folder and under names that are not ids: none may ever be read.
    await copyFile(join(cityPacksDir, 'seoul.json'), join(root, 'etc.json'));
    await copyFile(join(cityPacksDir, 'seoul.json'), join(packsDir, 'Seoul.json'));
    await copyFile(join(cityPacksDir, 'seoul.json'), join(packsDir, 'seoul.json.json'));
    await copyFile(join(cityPacksDir, 'seoul.json'), join(packsDir, 'other.json'));
    await writeFile(join(packsDir, 'broken.json'), '{ "id": "broken", }');
    await writeFile(join(packsDir, 'empty.json'), '{}');
    await writeFile(join(packsDir, 'README.md'), 'not a pack');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('lists only files named <id>.json', async () => {
    await expect(listCityPacks(packsDir)).resolves.toEqual(['broken', 'empty', 'other', 'seoul']);
  });

  it.each(['../etc', 'Seoul', 'seoul.json', '', ' seoul', 'seoul/../seoul', '/etc/passwd', 'seoul\u0000'])(
    'rejects the id %j as unknown',
    async (id) => {
      const error = await rejection(loadCityPack(id, { packsDir, knownLanguages }));
      expect(error.code).toBe(CityPackErrorCode.UNKNOWN);
      expect(error.message).toBe(`CITY ${JSON.stringify(id)} is not a known city pack (known: broken, empty, other, seoul)`);
    },
  );

  it('names the file when it is not JSON', async () => {
    const error = await rejection(loadCityPack('broken', { packsDir, knownLanguages }));
    expect(error.code).toBe(CityPackErrorCode.UNREADABLE);
    expect(error.message).toContain(`city pack ${join(packsDir, 'broken.json')} is not valid JSON: `);
  });

  it('names the file and the paths when the pack is invalid', async () => {
    const error = await rejection(loadCityPack('empty', { packsDir, knownLanguages }));
    expect(error.code).toBe(CityPackErrorCode.INVALID);
    expect(error.message).toMatch(
      new RegExp(`^city pack ${join(packsDir, 'empty.json')} is invalid: id: is required; name: is required; `),
    );
  });

  it('requires the id inside the file to equal the file name', async () => {
    const error = await rejection(loadCityPack('other', { packsDir, knownLanguages }));
    expect(error.message).toBe(`city pack ${join(packsDir, 'other.json')} is invalid: id: "seoul" must equal the file name "other"`);
  });

  it('checks the languages it is given', async () => {
    const error = await rejection(loadCityPack('seoul', { packsDir, knownLanguages: ['en', 'ko', 'ar', 'ja'] }));
    expect(error.message).toContain('name.ja: is required');
  });

  it('reports a missing packs folder', async () => {
    const error = await rejection(loadCityPack('seoul', { packsDir: join(root, 'missing'), knownLanguages }));
    expect(error.code).toBe(CityPackErrorCode.UNREADABLE);
    expect(error.message).toContain(`city packs folder ${join(root, 'missing')} cannot be read`);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../config/paths.js';
import { validateCityPack } from './city-pack.validator.js';

describe('docs/city-pack.md', () => {
  const markdown = readFileSync(join(repoRoot, 'docs', 'city-pack.md'), 'utf8');

  it('holds an example pack that validates', () => {
    const [, example] = /```json\n([\s\S]*?)\n```/.exec(markdown) ?? [];
    expect(example).toBeDefined();
    expect(validateCityPack(JSON.parse(example!), { knownLanguages: ['en', 'ko', 'ar'] }).id).toBe('example');
  });
});

import { FIELDS, NUMBERS, STRINGS } from './hostile-values.js';
import type { Prng } from './prng.js';

/** A JSON value of any type and shape, with a bias to the types that break naive handlers. */
export function anyJson(rng: Prng, depth = 0): unknown {
  switch (rng.int(depth > 2 ? 5 : 8)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick(NUMBERS);
    case 3:
      return rng.pick(STRINGS);
    case 4:
      return rng.chance(0.05) ? 'x'.repeat(rng.pick([255, 4001, 70_000])) : rng.pick(STRINGS) + String(rng.int(1000));
    case 5:
      return Array.from({ length: rng.int(4) }, () => anyJson(rng, depth + 1));
    default:
      return anyObject(rng, depth + 1);
  }
}

function anyObject(rng: Prng, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i -= 1) object[rng.chance(0.9) ? rng.pick(FIELDS) : rng.pick(STRINGS)] = anyJson(rng, depth);
  return object;
}

export type BodyKind = (rng: Prng, path: string) => { contentType?: string; body: Buffer; chunked?: boolean };

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

const BROKEN_JSON = [
  '{',
  '}',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'NaN',
  'undefined',
  '{"a":01}',
  '{"a":"\\x41"}',
  '{"a":"\\ud800"}',
  '\uFEFF{"a":1}',
  '{"a":1}{"b":2}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  'null',
  '"just a string"',
  '42',
  '[]',
  'true',
  '{"a" 1}',
  '{"a":1e99999}',
  ' ',
  '{"a":"\u0000"}',
];

const BROKEN_XML = [
  '<?xml version="1.0"?><service_request><service_code>pothole</service_code>',
  '<a><b></a></b>',
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
  '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>',
  '<<<>>>',
  '<?xml version="1.0" encoding="UTF-16"?><x/>',
];

/** Bodies of every kind a client can get wrong: types, framing, encodings, sizes, nesting. */
export const BODY_KINDS: BodyKind[] = [
  (rng) => ({ contentType: 'application/json', body: json(anyObject(rng, 0)) }),
  (rng) => ({ contentType: 'application/json', body: json(anyJson(rng)) }),
  (rng) => ({ contentType: 'application/json', body: Buffer.from(rng.pick(BROKEN_JSON)) }),
  (rng) => {
    // A valid body cut short.
    const whole = JSON.stringify(anyObject(rng, 0));
    return { contentType: 'application/json', body: Buffer.from(whole.slice(0, rng.int(whole.length))) };
  },
  (rng) => {
    const depth = rng.pick([64, 1000, 20_000]);
    return {
      contentType: 'application/json',
      body: Buffer.from(rng.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    };
  },
  () => ({ contentType: 'application/json', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]) }),
  (rng) => ({
    contentType: rng.pick([
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/json;;;',
      'APPLICATION/JSON',
    ]),
    body: json(anyObject(rng, 0)),
  }),
  (rng) => ({
    contentType: rng.pick([
      'text/plain',
      'application/octet-stream',
      'image/png',
      'application/x-www-form-urlencoded',
      '',
      'a/b/c',
      'application/vnd.api+json',
    ]),
    body: json(anyObject(rng, 0)),
  }),
  (rng) => ({ contentType: rng.pick(['application/xml', 'text/xml', 'text/xml; charset=utf-8']), body: Buffer.from(rng.pick(BROKEN_XML)) }),
  (rng) => ({
    contentType: 'application/x-www-form-urlencoded',
    body: Buffer.from(
      rng.pick([
        'service_code=%zz&lat=1&long=2',
        'service_code=pothole&attribute[size][x][y]=1&attribute=foo&&&=',
        `service_code=pothole&description=${'d'.repeat(5000)}`,
        'service_code=pothole&lat=1e309&long=-1e309&api_key[]=a',
        'a=1&a=2&a=3&__proto__[polluted]=1',
        '%ff%fe=%c0%af',
      ]),
    ),
  }),
  (rng) => {
    const boundary = 'fuzzboundary';
    const parts = rng.pick([
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 cut`,
      `--${boundary}\r\nContent-Disposition: form-data; name="requirementId"\r\n\r\n${'r'.repeat(10_000)}\r\n--${boundary}--\r\n`,
      `--other\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\nabc\r\n--other--\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--${boundary}--\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="../../etc/passwd"\r\n\r\n\r\n--${boundary}--\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\n\r\n%PDF-1.4\n\r\n--${boundary}--\r\n`,
      'garbage without any boundary',
    ]);
    const contentType = rng.pick([
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/mixed; boundary=x',
    ]);
    return { contentType, body: Buffer.from(parts) };
  },
  // Over BODY_LIMIT_BYTES (1 MiB): 413, without reading it all into memory.
  () => ({ contentType: 'application/json', body: Buffer.from(`{"description":"${'x'.repeat(1_100_000)}"}`) }),
  // Transfer-Encoding: chunked with a broken chunk size: the HTTP parser itself refuses it.
  () => ({ contentType: 'application/json', body: Buffer.from('zz\r\n{}\r\n0\r\n\r\n'), chunked: true }),
  () => ({ contentType: 'application/json', body: Buffer.alloc(0) }),
  (rng) => ({ contentType: 'application/offset+octet-stream', body: Buffer.alloc(rng.int(2000), 0x25) }),
];

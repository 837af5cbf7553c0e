import { jsonDepth } from './json-body.js';

describe('jsonDepth', () => {
  test('counts the deepest nesting of objects and arrays', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonDepth(`${'['.repeat(40)}${']'.repeat(40)}`)).toBe(40);
  });

  test('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"text":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"text":"a \\" [[[[ \\\\"}')).toBe(1);
    expect(jsonDepth('["\\\\",[["x"]]]')).toBe(3);
  });
});

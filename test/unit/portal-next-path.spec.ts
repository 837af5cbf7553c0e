// next-path.ts has no imports and no DOM types, so it type-checks under the root tsconfig and is imported directly.
import { defaultNextPath, safeNextPath } from '../../portal/src/auth/next-path.js';

describe('safeNextPath: where signing in leads', () => {
  test.each([
    ['/services', '/services'],
    ['/account', '/account'],
    ['/', '/'],
    ['/services?lang=ko', '/services?lang=ko'],
    ['/services#department-roads', '/services#department-roads'],
    ['/a/../services', '/services'],
  ])('a path of this site is kept: %j → %j', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  test.each([
    [null],
    [undefined],
    [''],
    ['services'],
    ['//evil.example'],
    ['///evil.example'],
    ['/\\evil.example'],
    ['\\/evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['/%00'.replace('%00', '\u0000')],
    ['https://evil.example/account'],
    ['javascript:alert(1)'],
    ['mailto:someone@example.org'],
    [' /services'],
    ['/api/me/export'],
    ['/api'],
    ['/sign-in'],
    ['/sign-in/'],
    ['/register'],
    [`/${'a'.repeat(3000)}`],
  ])('anything else leads to the account page: %j', (next) => {
    expect(safeNextPath(next)).toBe(defaultNextPath);
  });

  test('the fallback can be chosen', () => {
    expect(safeNextPath('//evil.example', '/')).toBe('/');
  });

  test('the default is the account page', () => {
    expect(defaultNextPath).toBe('/account');
  });
});

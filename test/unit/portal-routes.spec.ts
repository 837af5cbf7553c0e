import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { localesDir, repoRoot } from '../../api/src/config/paths.js';

interface Route {
  path: string;
  titleKey: string;
  namespaces?: string[];
  load: () => Promise<unknown>;
}

/**
 * Imported by a computed path: routes.ts imports its siblings without extensions and its page types use the DOM,
 * so it is type-checked by portal/tsconfig.json (bundler resolution, DOM lib), not by the root one. Pages are
 * never loaded here: they build DOM, which the browser tests cover.
 */
const routesModule = '../../portal/src/routes.js';
const { routes, notFoundRoute, normalisePath, findRoute } = (await import(routesModule)) as {
  routes: Route[];
  notFoundRoute: Route;
  normalisePath: (path: string) => string;
  findRoute: (path: string) => Route;
};

function route(path: string): Route {
  const found = routes.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`routes.ts has no ${path}`);
  return found;
}

describe('normalisePath', () => {
  test.each([
    ['/', '/'],
    ['', '/'],
    ['//', '/'],
    ['/services', '/services'],
    ['/services/', '/services'],
    ['/services///', '/services'],
    ['/a/b/', '/a/b'],
  ])('%j → %j', (path, expected) => {
    expect(normalisePath(path)).toBe(expected);
  });
});

describe('findRoute', () => {
  test('finds each route by its own path, with or without a trailing slash', () => {
    for (const { path } of routes) {
      expect(findRoute(path)).toBe(route(path));
      expect(findRoute(`${path}/`)).toBe(route(path));
    }
    expect(findRoute('')).toBe(route('/'));
  });

  test.each(['/no-such-page', '/services/extra', '/servicesx', '/accessibility.html', '/api', '/%2e%2e/services', '/index.html'])(
    '%s is not a page: the not-found route',
    (path) => {
      expect(findRoute(path)).toBe(notFoundRoute);
    },
  );

  test("the not-found route's example path is one no route claims", () => {
    expect(routes.map((r) => r.path)).not.toContain(notFoundRoute.path);
    expect(findRoute(notFoundRoute.path)).toBe(notFoundRoute);
  });
});

describe('the route list', () => {
  test('holds the home, services and accessibility pages', () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/', '/services', '/accessibility']));
  });

  test('has unique paths, each already in normal form, and a loader for every page', () => {
    const paths = routes.map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const r of [...routes, notFoundRoute]) {
      expect(r.path).toMatch(/^\//);
      expect(normalisePath(r.path)).toBe(r.path);
      expect(typeof r.load).toBe('function');
    }
  });

  test('covers every link of the shell in index.html', () => {
    const html = readFileSync(join(repoRoot, 'portal', 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#?]*)"/g)].map((match) => match[1] ?? '');
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => findRoute(href) === notFoundRoute)).toEqual([]);
  });
});

describe('page titles', () => {
  // The same rule as languages.ts: a language is a folder of locales/ holding a common.json.
  const languages = readdirSync(localesDir).filter((language) => existsSync(join(localesDir, language, 'common.json')));
  const common = (language: string): unknown => JSON.parse(readFileSync(join(localesDir, language, 'common.json'), 'utf8'));

  function lookUp(resource: unknown, key: string): unknown {
    return key
      .split('.')
      .reduce<unknown>(
        (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
        resource,
      );
  }

  test('the portal ships English and at least one other language', () => {
    expect(languages).toContain('en');
    expect(languages.length).toBeGreaterThan(1);
  });

  test.each(languages)("every route's titleKey is a non-empty text in locales/%s/common.json", (language) => {
    const resource = common(language);
    const missing = [...routes, notFoundRoute]
      .filter(({ titleKey }) => {
        const text = lookUp(resource, titleKey);
        return typeof text !== 'string' || text.trim() === '';
      })
      .map(({ path, titleKey }) => `${path}: ${titleKey}`);
    expect(missing).toEqual([]);
  });

  test('each page has its own title in English', () => {
    const english = common('en');
    const titles = [...routes, notFoundRoute].map(({ titleKey }) => lookUp(english, titleKey));
    expect(new Set(titles).size).toBe(titles.length);
  });
});

describe('feature namespaces', () => {
  const languages = readdirSync(localesDir).filter((language) => existsSync(join(localesDir, language, 'common.json')));

  test('the identity pages are routes and load the account namespace with them', () => {
    for (const path of ['/register', '/sign-in', '/account']) {
      expect([path, route(path).namespaces]).toEqual([path, ['account']]);
    }
  });

  test('the complaint pages are routes and load the complaints namespace with them', () => {
    for (const path of ['/complaints/new', '/complaints/track']) {
      expect(route(path).namespaces).toContain('complaints');
    }
  });

  test.each(languages)('every namespace a route names exists in locales/%s', (language) => {
    const named = new Set(routes.flatMap((r) => r.namespaces ?? []));
    expect([...named].filter((namespace) => !existsSync(join(localesDir, language, `${namespace}.json`)))).toEqual([]);
  });
});

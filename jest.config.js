// jest runs our ES modules through @swc/jest (see docs/adr/0001-esm-jest-swc.md).
// It needs NODE_OPTIONS=--experimental-vm-modules, which the npm scripts set.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  // Sources import siblings as './x.js' (NodeNext); under jest the .ts file is the module.
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static require()s content-disposition@3, which is ESM-only: Node 20.19 loads it (require(esm)),
    // jest's module loader cannot. Version 2 is the same API in CommonJS (docs/adr/0001).
    '^content-disposition$': 'content-disposition-cjs',
  },
  testEnvironment: 'node',
};

export default {
  ...shared,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.mjs'],
  // One database per run, shared by the integration and browser projects.
  globalSetup: '<rootDir>/test/support/database.global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/database.global-teardown.mjs',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/api/src/**/*.spec.ts', '<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout-30s.ts'],
    },
    {
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // Chromium renders in software here; a page with an axe scan takes a few seconds.
      setupFilesAfterEnv: ['<rootDir>/test/support/timeout-60s.ts'],
    },
  ],
};

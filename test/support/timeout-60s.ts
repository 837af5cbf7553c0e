import { jest } from '@jest/globals';

// A real browser rendering in software: a page with an axe scan takes seconds.
jest.setTimeout(60_000);

import { jest } from '@jest/globals';

// A real database and real processes: slower than unit tests, bounded all the same.
jest.setTimeout(30_000);

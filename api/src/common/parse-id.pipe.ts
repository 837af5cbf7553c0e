import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './domain-error.js';

/** Ids in paths are UUIDs; anything else cannot name an object, so it answers 404 like a missing one. */
export const ParseId = new ParseUUIDPipe({ exceptionFactory: () => new DomainError('NOT_FOUND') });

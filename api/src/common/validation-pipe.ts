import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error.js';
import { validationFailures } from './validation-failures.js';

/** A UTF-16 surrogate without its pair: JSON's "\ud800" escape makes one; it is no text at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (key or value) that is not well-formed Unicode, if any. */
function brokenText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || 'value' : undefined;
  if (typeof value !== 'object' || value === null || depth > 64) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (LONE_SURROGATE.test(key)) return at;
    const found = brokenText(item, at, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Refuses text that is not well-formed Unicode before any rule sees it: some validators (isEmail, isURL) throw a
 * URIError on a lone surrogate, which would be a 500.
 */
class WellFormedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only what the client sent: a custom argument (a socket, the current user) is a live object graph, not input.
    if (metadata.type === 'custom') return super.transform(value, metadata) as Promise<unknown>;
    const field = brokenText(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (field) throw new DomainError('VALIDATION_FAILED', {}, { fields: [{ field, rules: ['isWellFormed'] }] });
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/**
 * The one validation of bodies, queries and parameters (the app's global pipe): unknown fields are refused, and a
 * failure is VALIDATION_FAILED with every failing field. Exported so that tests check every DTO through this very
 * configuration.
 */
export function validationPipe(): ValidationPipe {
  return new WellFormedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', {}, { fields: validationFailures(errors) }),
  });
}

import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/domain-error.js';

/** A tracking token is 24 base64url characters; anything else cannot be one. */
@Injectable()
export class TrackingTokenPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{24}$/.test(value)) throw new DomainError('NOT_FOUND');
    return value;
  }
}

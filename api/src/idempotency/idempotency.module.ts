import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';

/** Idempotency-Key handling for any domain's writes. */
@Module({ providers: [IdempotencyService], exports: [IdempotencyService] })
export class IdempotencyModule {}

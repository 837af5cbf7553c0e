import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CityService } from '../city/city.service.js';
import { sha256 } from '../common/sha256.js';
import { CivicCase } from './civic-case.entity.js';

/** A token that tracks a case without an account: 18 random bytes, 24 base64url characters. Shown once; stored as its SHA-256. */
export const newTrackingToken = (): string => randomBytes(18).toString('base64url');

/** Opens cases: the number, the tracking token. Always inside the caller's transaction. */
@Injectable()
export class CasesService {
  /** The city's year of an instant; made once, as an Intl formatter is slow to build. */
  private readonly yearFormat: Intl.DateTimeFormat;

  constructor(private readonly city: CityService) {
    this.yearFormat = new Intl.DateTimeFormat('en', { timeZone: city.pack.timeZone, year: 'numeric' });
  }

  /** Returns the case and the tracking token, which is shown once and stored only as a hash. */
  async open(manager: EntityManager, ownerId: string | null): Promise<{ civicCase: CivicCase; trackingToken: string }> {
    const { caseNumberPrefix: prefix } = this.city.pack;
    const year = Number(this.yearFormat.format(new Date()));
    // The row lock of the upsert serialises concurrent filings: no number is given twice or skipped.
    const rows = await manager.query<{ last_value: number }[]>(
      `INSERT INTO case_number_counter (prefix, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (prefix, year) DO UPDATE SET last_value = case_number_counter.last_value + 1
       RETURNING last_value`,
      [prefix, year],
    );
    const sequence = rows[0]?.last_value;
    if (sequence === undefined) throw new Error('the case number counter returned no row');
    const trackingToken = newTrackingToken();
    const civicCase = await manager.getRepository(CivicCase).save(
      manager.getRepository(CivicCase).create({
        caseNumber: `${prefix}-${year}-${String(sequence).padStart(6, '0')}`,
        ownerId,
        trackingTokenHash: sha256(trackingToken),
      }),
    );
    return { civicCase, trackingToken };
  }
}

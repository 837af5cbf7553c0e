import type { CityPack } from '../../../api/src/city/city-pack.types';
import { getJson } from './client';

export type { CityPack };

/**
 * The city pack, fetched once (it holds every language) and asked for again only after a failure.
 * main.ts starts the request before the translations arrive, so the two travel in parallel.
 */
export class CityLoader {
  city: CityPack | null = null;
  /** Why the last attempt failed (usually an ApiError); null after a success. */
  error: unknown = null;
  private request: Promise<CityPack | null> | null = null;

  load(language: string): Promise<CityPack | null> {
    if (this.city) return Promise.resolve(this.city);
    this.request ??= getJson<CityPack>('/api/city', { language }).then(
      (city) => {
        this.error = null;
        return (this.city = city);
      },
      (error: unknown) => {
        this.error = error;
        this.request = null; // the next attempt asks again
        return null;
      },
    );
    return this.request;
  }
}

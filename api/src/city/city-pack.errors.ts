export enum CityPackErrorCode {
  /** The requested id is not the name of a pack file (or is not a valid id at all). */
  UNKNOWN = 'CITY_PACK_UNKNOWN',
  /** The packs folder or the pack file cannot be read, or the file is not JSON. */
  UNREADABLE = 'CITY_PACK_UNREADABLE',
  /** The JSON breaks the documented format (docs/city-pack.md). */
  INVALID = 'CITY_PACK_INVALID',
}

/** How many problems the one-line message shows; `problems` keeps them all. */
export const MAX_PROBLEMS_IN_MESSAGE = 10;

/**
 * A city pack that cannot be used. Raised at boot, before HTTP exists, so it is a plain error whose message
 * start-up prints as one line.
 */
export class CityPackError extends Error {
  override name = 'CityPackError';

  constructor(
    readonly code: CityPackErrorCode,
    message: string,
    /** Every problem found, each "<path>: <what is wrong>". */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }

  static invalid(source: string | undefined, problems: readonly string[]): CityPackError {
    const shown = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).join('; ');
    const hidden = problems.length - MAX_PROBLEMS_IN_MESSAGE;
    const more = hidden > 0 ? ` (and ${hidden} more)` : '';
    const what = source ? `city pack ${source}` : 'city pack';
    return new CityPackError(CityPackErrorCode.INVALID, `${what} is invalid: ${shown}${more}`, problems);
  }
}

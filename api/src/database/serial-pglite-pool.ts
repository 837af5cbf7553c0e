import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PGliteDriver } from 'typeorm-pglite';
// The package's index does not export its pool class.
import { PGlitePool } from 'typeorm-pglite/dist/pglite-pool.js';

type ConnectCallback = Parameters<PGlitePool['connect']>[0];
type Release = (error?: unknown) => void;

/**
 * PGlite is one connection. typeorm-pglite hands that same connection to every caller at once, so two
 * requests' transactions would interleave (one's ROLLBACK undoing the other's writes). This pool lends the
 * connection to one query runner at a time, as a real pool of size one would.
 *
 * The rule that follows, in embedded mode as with any pool of one: code inside a transaction uses the
 * transaction's own manager, never the data source, or it waits for itself.
 */
class SerialPGlitePool extends PGlitePool {
  private queue: Promise<void> = Promise.resolve();

  override connect(callback: ConnectCallback): Promise<void> {
    this.queue = this.queue.then(
      () =>
        new Promise<void>((unlock) => {
          let released = false;
          const release: Release = () => {
            if (!released) {
              released = true;
              unlock();
            }
          };
          void super.connect((error, client) => {
            if (error) release();
            callback(error, error ? null : client, release);
          });
        }),
    );
    return Promise.resolve();
  }
}

/** The `driver` option of a TypeORM postgres data source that runs on PGlite in `dataDir`. */
export function serialPGliteDriver(dataDir: string): { Pool: typeof SerialPGlitePool } {
  // The constructor stores the options for the single PGlite instance typeorm-pglite keeps. btree_gist backs the
  // appointments' exclusion constraint (no two bookings of one official overlap).
  new PGliteDriver({ dataDir, extensions: { btree_gist } });
  return { Pool: SerialPGlitePool };
}

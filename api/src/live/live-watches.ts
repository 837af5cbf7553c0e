import { Injectable } from '@nestjs/common';
import type { UserAccount } from '../accounts/user-account.entity.js';

/**
 * Turns what a client presents (a ticket's token, a hall's id, a counter it runs) into the room it may join, or
 * null. Each domain registers its kinds; the gateway asks, so a client names what it wants to watch but the
 * server decides whether it may.
 */
export type WatchResolver = (key: string, person: UserAccount | undefined) => Promise<string | null>;

@Injectable()
export class LiveWatches {
  private readonly resolvers = new Map<string, WatchResolver>();

  register(kind: string, resolver: WatchResolver): void {
    if (this.resolvers.has(kind)) throw new Error(`live watch kind "${kind}" registered twice`);
    this.resolvers.set(kind, resolver);
  }

  /** The room for this kind and key, or null when the kind is unknown or the key gives no right to it. */
  async roomFor(kind: string, key: string, person: UserAccount | undefined): Promise<string | null> {
    const resolver = this.resolvers.get(kind);
    return resolver ? resolver(key, person) : null;
  }
}

/**
 * At most `limit` events per `windowMs` per key (a sliding window), counted in this process: for what one socket
 * does on its own instance (presence moves), and as SharedMessageRateLimit's count while Redis is away.
 */
export class MessageRateLimit {
  private readonly sent = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts the event and says whether it is within the limit; a refused one is not counted. */
  allow(key: string, now = Date.now()): boolean {
    const recent = (this.sent.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.sent.set(key, recent);
    if (this.sent.size > 10_000) this.forgetIdle(now);
    return allowed;
  }

  /** Keys with nothing in the window are dropped, so the map does not grow with every consultation ever held. */
  private forgetIdle(now: number): void {
    for (const [key, times] of this.sent) if (times.every((at) => at <= now - this.windowMs)) this.sent.delete(key);
  }
}

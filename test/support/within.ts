/**
 * Waits for a condition, polling every 50 ms; fails naming it after `ms`. Resolves with how long it took, for
 * tests that bound a recovery time. Tests wait on conditions like this, never on fixed sleeps.
 */
export async function within(ms: number, what: string, holds: () => boolean | Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await holds())) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
}

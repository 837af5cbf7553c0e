import { ticketTokenShape } from '../../api/queues';
import { readPreference, writePreference } from '../../storage';

/**
 * What this device remembers of the queue: the token of the ticket being followed (so a reload or a later visit
 * shows it again) and whether a sound plays on the call. An empty value is a forgotten one.
 */
const tokenKey = 'queue.ticketToken';
const soundKey = 'queue.sound';

export function storedTicketToken(): string | null {
  const token = readPreference(tokenKey);
  return token && ticketTokenShape.test(token) ? token : null;
}

export function rememberTicketToken(token: string): void {
  writePreference(tokenKey, token);
}

/** Once the ticket has ended there is nothing more to follow. */
export function forgetTicketToken(): void {
  writePreference(tokenKey, '');
}

/** Off unless the person turned it on. */
export function soundWanted(): boolean {
  return readPreference(soundKey) === 'on';
}

export function rememberSound(on: boolean): void {
  writePreference(soundKey, on ? 'on' : 'off');
}

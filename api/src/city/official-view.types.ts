/**
 * The city's officials as `GET /api/city/officials` answers them: the pack's officials with a live state from their
 * counter. Pure types with no imports of the API's runtime, so that the portal shares them.
 */
import type { LocalizedText } from './city-pack.types.js';

/** `available`: their counter is open; `serving`: it is calling or serving a ticket; `away`: it is closed. */
export const OFFICIAL_STATES = ['available', 'serving', 'away'] as const;
export type OfficialState = (typeof OFFICIAL_STATES)[number];

export interface OfficialView {
  id: string;
  name: LocalizedText;
  role: LocalizedText;
  departmentId: string;
  counterId: string;
  state: OfficialState;
}

/** A counter's state (`GET /api/queues`, `official.state` events) as the state of the officials who sit at it. */
export function officialStateOf(counterState: 'closed' | 'open' | 'serving'): OfficialState {
  switch (counterState) {
    case 'closed':
      return 'away';
    case 'open':
      return 'available';
    case 'serving':
      return 'serving';
  }
}

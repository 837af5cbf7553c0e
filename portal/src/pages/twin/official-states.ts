import type { CityPack } from '../../../../api/src/city/city-pack.types';
import { officialStateOf, type OfficialState, type OfficialView } from '../../../../api/src/city/official-view.types';
import { getJson } from '../../api/client';
import { onLiveEvent, watchLive } from '../../live/live-events';

/**
 * The live state of each official (available, serving, away): first from `GET /api/city/officials`, then from the
 * hall's board events — an official's state is their counter's. Returns the function that stops listening.
 */
export function followOfficialStates(
  city: CityPack,
  language: string,
  onChange: (officialId: string, state: OfficialState) => void,
): () => void {
  const officialsAt = (counterId: string) => city.officials.filter((official) => official.counterId === counterId);
  const counterChanged = (counterId: string, state: 'closed' | 'open' | 'serving') => {
    for (const official of officialsAt(counterId)) onChange(official.id, officialStateOf(state));
  };

  getJson<OfficialView[]>('/api/city/officials', { language }).then(
    (officials) => officials.forEach((official) => onChange(official.id, official.state)),
    // Without the list the avatars stay "away" until the first live event: the actions work all the same.
    () => undefined,
  );
  const hallId = city.cityHall.id;
  const stops = [
    watchLive('board', hallId),
    onLiveEvent('official.state', (event) => {
      if (event.hallId === hallId) counterChanged(event.counterId, event.state);
    }),
    onLiveEvent('board.changed', (board) => {
      if (board.hallId === hallId) for (const counter of board.counters) counterChanged(counter.id, counter.state);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

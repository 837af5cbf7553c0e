import type { EntityManager } from 'typeorm';
import { RECENT_SERVICES } from './queue-estimates.js';
import type { NowServing } from './queue-view.types.js';

type Reader = Pick<EntityManager, 'query'>;

/** The order of a line: priority tickets first, then by place in line (kept through a transfer). */
export const LINE_ORDER = 'priority DESC, queued_at ASC, id ASC';

export interface PlaceInLine {
  id: string;
  holderId: string | null;
  serviceId: string;
  position: number;
}

/** The waiting tickets of a counter, first to be called first. */
export async function waitingLine(reader: Reader, hallId: string, counterId: string): Promise<PlaceInLine[]> {
  const rows = await reader.query<{ id: string; holder_id: string | null; service_id: string; position: string }[]>(
    `SELECT id, holder_id, service_id, row_number() OVER (ORDER BY ${LINE_ORDER}) AS position
       FROM queue_ticket WHERE hall_id = $1 AND counter_id = $2 AND status = 'waiting'
      ORDER BY position`,
    [hallId, counterId],
  );
  return rows.map((row) => ({ id: row.id, holderId: row.holder_id, serviceId: row.service_id, position: Number(row.position) }));
}

/** The mean service time of the counter's last 20 completed tickets, in seconds; null before the first. */
export async function meanServiceSeconds(reader: Reader, hallId: string, counterId: string): Promise<number | null> {
  const [row] = await reader.query<{ mean: string | null }[]>(
    `SELECT avg(service_seconds) AS mean FROM (
       SELECT service_seconds FROM queue_ticket
        WHERE hall_id = $1 AND counter_id = $2 AND status = 'done'
        ORDER BY finished_at DESC LIMIT ${RECENT_SERVICES}
     ) recent`,
    [hallId, counterId],
  );
  return row?.mean == null ? null : Number(row.mean);
}

export interface CounterActivity {
  open: boolean;
  waiting: number;
  nowServing: NowServing[];
}

/** For every counter of the hall that has ever been used: open or not, how many wait, who is called or served. */
export async function hallActivity(reader: Reader, hallId: string): Promise<Map<string, CounterActivity>> {
  const activity = new Map<string, CounterActivity>();
  const entry = (counterId: string): CounterActivity => {
    const found = activity.get(counterId) ?? { open: false, waiting: 0, nowServing: [] };
    activity.set(counterId, found);
    return found;
  };
  const counters = await reader.query<{ counter_id: string; is_open: boolean }[]>(
    'SELECT counter_id, is_open FROM queue_counter WHERE hall_id = $1',
    [hallId],
  );
  for (const row of counters) entry(row.counter_id).open = row.is_open;
  const waiting = await reader.query<{ counter_id: string; waiting: string }[]>(
    `SELECT counter_id, count(*) AS waiting FROM queue_ticket WHERE hall_id = $1 AND status = 'waiting' GROUP BY counter_id`,
    [hallId],
  );
  for (const row of waiting) entry(row.counter_id).waiting = Number(row.waiting);
  // A ticket left called or serving at closing time drops off the board after 12 hours.
  const active = await reader.query<{ counter_id: string; number: string; status: 'called' | 'serving' }[]>(
    `SELECT counter_id, number, status FROM queue_ticket
      WHERE hall_id = $1 AND status IN ('called', 'serving') AND called_at > now() - interval '12 hours'
      ORDER BY called_at DESC`,
    [hallId],
  );
  for (const row of active) entry(row.counter_id).nowServing.push({ number: row.number, status: row.status });
  return activity;
}

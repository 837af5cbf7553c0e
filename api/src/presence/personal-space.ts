import type { GeoPoint } from '../city/city-pack.types.js';
import { insideFootprint } from '../city/city-pack.checks.js';
import { PERSONAL_SPACE_METRES } from './presence.types.js';

const METRES_PER_DEGREE = 111_320;

/** East and north metres from `origin` to `point`: a flat step is exact enough inside one building. */
function metresFrom(origin: GeoPoint, point: GeoPoint): { east: number; north: number } {
  return {
    east: (point.lon - origin.lon) * METRES_PER_DEGREE * Math.cos((origin.lat * Math.PI) / 180),
    north: (point.lat - origin.lat) * METRES_PER_DEGREE,
  };
}

export function metresBetween(a: GeoPoint, b: GeoPoint): number {
  const { east, north } = metresFrom(a, b);
  return Math.hypot(east, north);
}

function stepFrom(origin: GeoPoint, east: number, north: number): GeoPoint {
  return {
    lat: origin.lat + north / METRES_PER_DEGREE,
    lon: origin.lon + east / (METRES_PER_DEGREE * Math.cos((origin.lat * Math.PI) / 180)),
  };
}

/** Just outside the bubble, so rounding never leaves a pushed visitor on its edge. */
const EDGE_METRES = PERSONAL_SPACE_METRES + 0.01;

export type Placement = { ok: true; at: GeoPoint } | { ok: false; code: 'PRESENCE_OUT_OF_BOUNDS' | 'PRESENCE_TOO_CLOSE' };

/**
 * Where a visitor who asked to stand at `target` ends up: there, when it is inside the hall and outside everyone's
 * bubble; pushed back to the edge of the one bubble it entered (along the line from that visitor, or towards where
 * the mover came from when it aimed at their very spot); refused when that is still inside a bubble or outside.
 */
export function place(target: GeoPoint, from: GeoPoint | null, others: readonly GeoPoint[], hall: readonly GeoPoint[]): Placement {
  if (!insideFootprint(target, hall)) return { ok: false, code: 'PRESENCE_OUT_OF_BOUNDS' };
  const intruded = others.find((other) => metresBetween(other, target) < PERSONAL_SPACE_METRES);
  if (!intruded) return { ok: true, at: target };
  let away = metresFrom(intruded, target);
  if (Math.hypot(away.east, away.north) < 1e-6) {
    if (!from) return { ok: false, code: 'PRESENCE_TOO_CLOSE' };
    away = metresFrom(intruded, from);
  }
  const length = Math.hypot(away.east, away.north);
  if (length < 1e-6) return { ok: false, code: 'PRESENCE_TOO_CLOSE' };
  const edge = stepFrom(intruded, (away.east / length) * EDGE_METRES, (away.north / length) * EDGE_METRES);
  if (!insideFootprint(edge, hall) || others.some((other) => metresBetween(other, edge) < PERSONAL_SPACE_METRES))
    return { ok: false, code: 'PRESENCE_TOO_CLOSE' };
  return { ok: true, at: edge };
}

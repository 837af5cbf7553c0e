import type { GeoPoint } from '../city/city-pack.types.js';
import { metresBetween, place } from './personal-space.js';

/** A 20 m square room; spots given in metres east and north of its south-west corner. */
const origin = { lat: 37.5, lon: 127 };
const at = (east: number, north: number): GeoPoint => ({
  lat: origin.lat + north / 111_320,
  lon: origin.lon + east / (111_320 * Math.cos((origin.lat * Math.PI) / 180)),
});
const room = [at(0, 0), at(20, 0), at(20, 20), at(0, 20)];

describe('place: where a visitor may stand', () => {
  test('anywhere inside the room and outside every bubble, as asked', () => {
    expect(place(at(5, 5), null, [at(10, 10)], room)).toEqual({ ok: true, at: at(5, 5) });
  });

  test('outside the room is refused', () => {
    expect(place(at(25, 5), null, [], room)).toEqual({ ok: false, code: 'PRESENCE_OUT_OF_BOUNDS' });
  });

  test('inside a bubble: pushed to its edge along the line from that visitor', () => {
    const placed = place(at(10.5, 10), at(15, 10), [at(10, 10)], room);
    if (!placed.ok) throw new Error(placed.code);
    expect(metresBetween(placed.at, at(10, 10))).toBeCloseTo(1.21, 2);
    expect(placed.at.lon).toBeGreaterThan(at(10, 10).lon);
    expect(placed.at.lat).toBeCloseTo(at(10, 10).lat, 9);
  });

  test('on their very spot: pushed back towards where the mover came from, refused with nowhere to come from', () => {
    const placed = place(at(10, 10), at(10, 5), [at(10, 10)], room);
    if (!placed.ok) throw new Error(placed.code);
    expect(placed.at.lat).toBeLessThan(at(10, 10).lat);
    expect(place(at(10, 10), null, [at(10, 10)], room)).toEqual({ ok: false, code: 'PRESENCE_TOO_CLOSE' });
  });

  test('refused when the edge is inside another bubble or outside the room', () => {
    expect(place(at(10.5, 10), null, [at(10, 10), at(11.5, 10)], room)).toEqual({ ok: false, code: 'PRESENCE_TOO_CLOSE' });
    expect(place(at(0.3, 10), null, [at(0.5, 10)], room)).toEqual({ ok: false, code: 'PRESENCE_TOO_CLOSE' });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cityPacksDir } from '../config/paths.js';
import type { CityPack } from './city-pack.types.js';
import { CityService } from './city.service.js';

const readSeoul = (): CityPack => JSON.parse(readFileSync(join(cityPacksDir, 'seoul.json'), 'utf8')) as CityPack;

describe('CityService', () => {
  const city = new CityService(readSeoul());

  it('finds departments and services by id', () => {
    expect(city.department('housing')?.name.en).toBe('Housing Office');
    expect(city.service('pothole')?.kind).toBe('complaint');
    expect(city.department('nowhere')).toBeUndefined();
    expect(city.service('nowhere')).toBeUndefined();
  });

  it('lists the services of one kind, typed by kind', () => {
    const appointments = city.servicesOfKind('appointment');
    expect(appointments.length).toBeGreaterThan(0);
    expect(appointments.every((service) => service.kind === 'appointment' && service.durationMinutes >= 5)).toBe(true);
    const all = ['complaint', 'appointment', 'document'] as const;
    expect(all.map((kind) => city.servicesOfKind(kind).length).reduce((a, b) => a + b)).toBe(city.pack.services.length);
  });

  it('shares the pack read-only', () => {
    expect(Object.isFrozen(city.pack)).toBe(true);
    expect(Object.isFrozen(city.pack.tourismZones[0]?.sites[0]?.history)).toBe(true);
    expect(() => {
      (city.pack.name as Record<string, string>).en = 'Changed';
    }).toThrow(TypeError);
  });
});

import { Inject, Injectable } from '@nestjs/common';
import type { Building, CityPack, CityService as PackService, Department, GeoPoint, ServiceKind } from './city-pack.types.js';

/** The token of the active, validated pack; start-up loads it before Nest is built. */
export const CITY_PACK = Symbol('CITY_PACK');

/** The active city pack and lookups into it. The pack is frozen: it is shared by every request. */
@Injectable()
export class CityService {
  private readonly departments: ReadonlyMap<string, Department>;
  private readonly services: ReadonlyMap<string, PackService>;
  private readonly buildings: ReadonlyMap<string, Building>;

  constructor(@Inject(CITY_PACK) private readonly activePack: CityPack) {
    deepFreeze(activePack);
    this.departments = new Map(activePack.departments.map((department) => [department.id, department]));
    this.services = new Map(activePack.services.map((service) => [service.id, service]));
    this.buildings = new Map(activePack.buildings.map((building) => [building.id, building]));
  }

  get pack(): CityPack {
    return this.activePack;
  }

  department(id: string): Department | undefined {
    return this.departments.get(id);
  }

  service(id: string): PackService | undefined {
    return this.services.get(id);
  }

  /** A building or landmark of the city's list of places. */
  place(id: string): Building | undefined {
    return this.buildings.get(id);
  }

  /** The middle of a place's footprint (the mean of its corners: buildings are small enough for that). */
  placeCentre(id: string): GeoPoint | undefined {
    const footprint = this.buildings.get(id)?.footprint;
    if (!footprint) return undefined;
    const mean = (pick: (point: GeoPoint) => number): number => footprint.reduce((sum, point) => sum + pick(point), 0) / footprint.length;
    return { lat: mean((point) => point.lat), lon: mean((point) => point.lon) };
  }

  servicesOfKind<K extends ServiceKind>(kind: K): Extract<PackService, { kind: K }>[] {
    return this.activePack.services.filter((service): service is Extract<PackService, { kind: K }> => service.kind === kind);
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

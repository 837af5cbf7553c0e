import { Inject, Injectable } from '@nestjs/common';
import type { CityPack, CityService as PackService, Department, ServiceKind } from './city-pack.types.js';

/** The token of the active, validated pack; start-up loads it before Nest is built. */
export const CITY_PACK = Symbol('CITY_PACK');

/** The active city pack and lookups into it. The pack is frozen: it is shared by every request. */
@Injectable()
export class CityService {
  private readonly departments: ReadonlyMap<string, Department>;
  private readonly services: ReadonlyMap<string, PackService>;

  constructor(@Inject(CITY_PACK) private readonly activePack: CityPack) {
    deepFreeze(activePack);
    this.departments = new Map(activePack.departments.map((department) => [department.id, department]));
    this.services = new Map(activePack.services.map((service) => [service.id, service]));
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

  servicesOfKind<K extends ServiceKind>(kind: K): Extract<PackService, { kind: K }>[] {
    return this.activePack.services.filter((service): service is Extract<PackService, { kind: K }> => service.kind === kind);
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

import { type DynamicModule, Module } from '@nestjs/common';
import type { CityPack } from './city-pack.types.js';
import { CityController } from './city.controller.js';
import { CITY_PACK, CityService } from './city.service.js';

/** Serves the pack start-up has already loaded and validated (see loadCityPack); global, as most domains read it. */
@Module({})
export class CityModule {
  static forRoot(pack: CityPack): DynamicModule {
    return {
      module: CityModule,
      global: true,
      controllers: [CityController],
      providers: [{ provide: CITY_PACK, useValue: pack }, CityService],
      exports: [CITY_PACK, CityService],
    };
  }
}

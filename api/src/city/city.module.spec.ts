import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IS_PUBLIC } from '../common/public.decorator.js';
import { cityPacksDir } from '../config/paths.js';
import type { CityPack } from './city-pack.types.js';
import { CityController } from './city.controller.js';
import { CityModule } from './city.module.js';
import { CityService } from './city.service.js';

const pack = JSON.parse(readFileSync(join(cityPacksDir, 'dubai.json'), 'utf8')) as CityPack;

describe('CityModule', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(CityModule.forRoot(pack), new FastifyAdapter(), { logger: false });
    // Over a real socket: fastify's inject() pulls in an ESM-only dependency jest cannot require.
    await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('provides CityService with the pack it was given', () => {
    expect(app.get(CityService).pack.id).toBe('dubai');
  });

  it('serves the pack at GET /api/city, cacheable for five minutes', async () => {
    const response = await fetch(`${await app.getUrl()}/api/city`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(pack);
  });

  it('marks the route public', () => {
    expect(Reflect.getMetadata(IS_PUBLIC, CityController.prototype.pack)).toBe(true);
  });
});

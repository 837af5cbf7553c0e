import { Module } from '@nestjs/common';
import { QueuesModule } from '../queues/queues.module.js';
import { CityOfficialsController } from './city-officials.controller.js';

/**
 * `GET /api/city/officials`: apart from CityModule, which every domain imports and which must not depend on the
 * queues (they depend on it).
 */
@Module({ imports: [QueuesModule], controllers: [CityOfficialsController] })
export class CityOfficialsModule {}

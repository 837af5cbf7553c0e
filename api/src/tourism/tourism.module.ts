import { Module } from '@nestjs/common';
import { TourismController } from './tourism.controller.js';

/** Read-only tourism routes over the city pack (CityModule is global). */
@Module({ controllers: [TourismController] })
export class TourismModule {}

import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TourismZone } from '../city/city-pack.types.js';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { Public } from '../common/public.decorator.js';
import type { TourismZoneSummary } from './tourism-view.types.js';

/** The city pack's tourism zones: heritage sites with their histories, narration and guided tours, in every language. */
@ApiTags('tourism')
@Controller('api/tourism/zones')
export class TourismController {
  constructor(private readonly city: CityService) {}

  @Public()
  @Get()
  // Zones change only with the pack, that is with a restart.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ description: 'Each zone with its sites (name, position, years, number of tour stops).' })
  zones(): TourismZoneSummary[] {
    return this.city.pack.tourismZones.map((zone) => ({
      id: zone.id,
      name: zone.name,
      description: zone.description,
      centre: zone.centre,
      sites: zone.sites.map((site) => ({
        id: site.id,
        name: site.name,
        position: site.position,
        builtYear: site.builtYear,
        lostYear: site.lostYear ?? null,
        tourStopCount: site.tourStops.length,
      })),
    }));
  }

  @Public()
  @Get(':id')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ description: 'The zone in full: sites with model description, history, narration and ordered tour stops.' })
  @ApiNotFoundResponse({ description: 'No zone of the city has this id.' })
  zone(@Param('id') id: string): TourismZone {
    const zone = this.city.pack.tourismZones.find((candidate) => candidate.id === id);
    if (!zone) throw new DomainError('NOT_FOUND');
    return zone;
  }
}

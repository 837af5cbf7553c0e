import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator.js';
import { cityPackSchema } from './city-pack.openapi.js';
import type { CityPack } from './city-pack.types.js';
import { CityService } from './city.service.js';

@ApiTags('city')
@Controller('api/city')
export class CityController {
  constructor(private readonly city: CityService) {}

  @Public()
  @Get()
  // A pack changes only with a restart, so browsers may keep it a few minutes.
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ description: 'The active city pack, as documented in docs/city-pack.md.', schema: cityPackSchema })
  pack(): CityPack {
    return this.city.pack;
  }
}

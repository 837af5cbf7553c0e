import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator.js';
import { QueueReader } from '../queues/queue-reader.js';
import { CityService } from './city.service.js';
import { officialStateOf, type OfficialView } from './official-view.types.js';

/**
 * The pack's officials with a live state: their counter's (open → available, serving → serving, closed → away).
 * Read-only over the queues; nothing here names an account.
 */
@ApiTags('city')
@Controller('api/city/officials')
export class CityOfficialsController {
  constructor(
    private readonly city: CityService,
    private readonly queues: QueueReader,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Each official of the city pack with department, counter and live state (available, serving, away).' })
  async officials(): Promise<OfficialView[]> {
    const counters = new Map((await this.queues.counters()).map((counter) => [counter.id, counter.state]));
    return this.city.pack.officials.map((official) => ({
      id: official.id,
      name: official.name,
      role: official.role,
      departmentId: official.departmentId,
      counterId: official.counterId,
      state: officialStateOf(counters.get(official.counterId) ?? 'closed'),
    }));
  }
}

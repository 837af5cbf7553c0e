import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator.js';
import { HealthService, type HealthReport } from './health.service.js';

@ApiTags('health')
@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Alive and ready: the database answers.' })
  @ApiServiceUnavailableResponse({ description: 'Alive but not ready (code NOT_READY): a dependency is down.' })
  ready(): Promise<HealthReport> {
    return this.health.readiness();
  }

  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'The process is up; says nothing of its dependencies.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}

import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CityService } from '../city/city.service.js';
import { DomainError } from '../common/domain-error.js';
import { Public } from '../common/public.decorator.js';
import { SchedulesService } from '../schedules/schedules.service.js';
import type { FreeSlot } from './appointment-view.types.js';
import { checkRange } from './appointment-reader.js';
import type { AppointmentServiceView } from './appointment-view.types.js';
import { DateRangeQuery } from './dto/date-range.query.js';

/** The appointment services of the city pack and their free slots: public, for booking pages and the twin. */
@ApiTags('appointments')
@Controller('api/services')
export class ServicesController {
  /** The list comes from the pack alone, which changes only with a restart: built and serialised once. */
  private readonly listJson: string;

  constructor(
    private readonly city: CityService,
    private readonly schedules: SchedulesService,
  ) {
    const list: AppointmentServiceView[] = city.servicesOfKind('appointment').map((service) => ({
      id: service.id,
      departmentId: service.departmentId,
      durationMinutes: service.durationMinutes,
      virtualAllowed: service.virtualAllowed,
      name: service.name,
      description: service.description,
      officialIds: schedules.officialsOf(service).map((official) => official.id),
    }));
    this.listJson = JSON.stringify(list);
  }

  @Public()
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    description: 'The services one can book an appointment for, with duration, department and the officials who give them.',
  })
  list(): string {
    return this.listJson;
  }

  @Public()
  @Get(':id/slots')
  @ApiOkResponse({ description: "Free slots between two of the city's dates (both included, 31 days at most), earliest first." })
  slots(@Param('id') id: string, @Query() range: DateRangeQuery): Promise<FreeSlot[]> {
    const service = this.city.service(id);
    if (service?.kind !== 'appointment') throw new DomainError('NOT_FOUND');
    checkRange(range.from, range.to);
    return this.schedules.freeSlots(service, range.from, range.to);
  }
}

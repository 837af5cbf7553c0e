import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/request-identity.js';
import { ReportsQueryDto } from './dto/reports-query.dto.js';
import { type ReportRecord, ReportsService } from './reports.service.js';

@ApiTags('admin')
@Controller('api/admin/reports')
@Roles('admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOkResponse({ description: 'Consultation and presence reports, newest first.' })
  list(@Query() query: ReportsQueryDto): Promise<ReportRecord[]> {
    return this.reports.list(query.limit ?? 50, query.offset ?? 0);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, Roles } from '../auth/request-identity.js';
import { ParseId } from '../common/parse-id.pipe.js';
import type { ConsultationTranscript, ConsultationView } from './consultation-view.types.js';
import { ConsultationsService } from './consultations.service.js';
import { EndConsultationDto } from './dto/end-consultation.dto.js';
import { MuteConsultationDto } from './dto/mute-consultation.dto.js';
import { OpenConsultationDto } from './dto/open-consultation.dto.js';
import { ReportConsultationDto } from './dto/report-consultation.dto.js';

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post()
  @Roles('official', 'admin')
  @ApiCreatedResponse({ description: 'Opened for the subject’s citizen, who hears of it live; 200 with the one already open on it.' })
  async open(
    @Body() dto: OpenConsultationDto,
    @CurrentUser() staff: UserAccount,
    @Audit() context: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConsultationView> {
    const { view, created } = await this.consultations.open(dto, staff, context);
    if (!created) void reply.status(200);
    return view;
  }

  @Get()
  @ApiOkResponse({ description: 'The signed-in person’s consultations, as citizen or official: open ones first, then the newest.' })
  list(@CurrentUser() person: UserAccount): Promise<ConsultationView[]> {
    return this.consultations.list(person);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'For its citizen, its official and admins (supervisors); with the ICE servers when voice is offered.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or not the person’s.' })
  get(@Param('id', ParseId) id: string, @CurrentUser() person: UserAccount): Promise<ConsultationView> {
    return this.consultations.get(id, person);
  }

  @Get(':id/transcript')
  @ApiOkResponse({ description: 'The stored messages in order: text, author’s role and name, time.' })
  @ApiNotFoundResponse({ description: 'No such consultation, or not the person’s.' })
  transcript(@Param('id', ParseId) id: string, @CurrentUser() person: UserAccount): Promise<ConsultationTranscript> {
    return this.consultations.transcript(id, person);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOkResponse({ description: 'Ended with an outcome by its official or an admin; the room is closed and the subject updated.' })
  end(
    @Param('id', ParseId) id: string,
    @Body() dto: EndConsultationDto,
    @CurrentUser() staff: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<ConsultationView> {
    return this.consultations.end(id, dto, staff, context);
  }

  @Post(':id/report')
  @ApiCreatedResponse({ description: 'Either participant reports the other’s conduct; audited.' })
  report(
    @Param('id', ParseId) id: string,
    @Body() dto: ReportConsultationDto,
    @CurrentUser() person: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<{ id: string; at: string }> {
    return this.consultations.report(id, dto.reason, person, context);
  }

  @Post(':id/mute')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The official mutes the citizen’s messages (`muted: false` lets them write again).' })
  mute(
    @Param('id', ParseId) id: string,
    @Body() dto: MuteConsultationDto,
    @CurrentUser() staff: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<ConsultationView> {
    return this.consultations.moderate(id, { muted: dto.muted ?? true }, staff, context);
  }

  @Post(':id/remove')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The official removes the citizen from the room for good; the transcript stays.' })
  remove(@Param('id', ParseId) id: string, @CurrentUser() staff: UserAccount, @Audit() context: AuditContext): Promise<ConsultationView> {
    return this.consultations.moderate(id, { removed: true }, staff, context);
  }
}

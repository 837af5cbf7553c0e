import { Body, Controller, Get, Headers, Param, Post, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import { Public } from '../common/public.decorator.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { TrackingTokenPipe } from '../complaints/tracking-token.pipe.js';
import { I18nService } from '../i18n/i18n.service.js';
import { ListRequestsQuery } from './dto/list-requests.query.js';
import { Open311Query } from './dto/open311.query.js';
import { type Open311Document, Open311FormatPipe } from './open311-format.js';
import { ApiKeyGuard, JurisdictionGuard, KeyAudit } from './open311.guards.js';
import { Open311Interceptor } from './open311.interceptor.js';
import { Open311Service } from './open311.service.js';
import { ServiceRequestForms } from './service-request-form.js';

const CASE_NUMBER = /^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$/;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), JSON or XML by the path's suffix; documented in
 * docs/api/open311.md rather than OpenAPI, whose shapes cannot say "XML element per list item". Reading is open;
 * filing needs an API key. No route uses the cookie session: a key, not a person, files here.
 */
@ApiExcludeController()
@Public()
@Controller('open311/v2')
@UseGuards(JurisdictionGuard)
@UseInterceptors(Open311Interceptor)
export class Open311Controller {
  constructor(
    private readonly open311: Open311Service,
    private readonly complaints: ComplaintsService,
    private readonly i18n: I18nService,
    private readonly forms: ServiceRequestForms,
  ) {}

  @Get('discovery.:format')
  discovery(
    @Param('format', Open311FormatPipe) _format: string,
    @Query() _query: Open311Query,
    @Req() request: FastifyRequest,
  ): Open311Document {
    return { root: 'discovery', body: this.open311.discovery(`${request.protocol}://${request.host}`) };
  }

  @Get('services.:format')
  services(
    @Param('format', Open311FormatPipe) _format: string,
    @Query() query: Open311Query,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Open311Document {
    return { root: 'services', body: this.open311.services(this.i18n.negotiate(query.lang, acceptLanguage)) };
  }

  @Get('services/:service_code.:format')
  definition(
    @Param('format', Open311FormatPipe) _format: string,
    @Param('service_code') serviceCode: string,
    @Query() query: Open311Query,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Open311Document {
    return { root: 'service_definition', body: this.open311.definition(serviceCode, this.i18n.negotiate(query.lang, acceptLanguage)) };
  }

  @Post('requests.:format')
  @UseGuards(ApiKeyGuard)
  async file(
    @Param('format', Open311FormatPipe) _format: string,
    // Not a DTO class: the form's `attribute[code]` fields are taken apart before it is checked.
    @Body() form: Record<string, unknown>,
    @KeyAudit() context: AuditContext,
  ): Promise<Open311Document> {
    const { complaint, trackingToken } = await this.complaints.file(this.forms.toComplaint(form), undefined, context);
    return {
      root: 'service_requests',
      body: [{ service_request_id: complaint.caseNumber, service_notice: null, account_id: null, token: trackingToken }],
    };
  }

  @Get('requests.:format')
  async requests(
    @Param('format', Open311FormatPipe) _format: string,
    @Query() query: ListRequestsQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<Open311Document> {
    return { root: 'service_requests', body: await this.open311.requests(query, this.i18n.negotiate(query.lang, acceptLanguage)) };
  }

  @Get('requests/:service_request_id.:format')
  async request(
    @Param('format', Open311FormatPipe) _format: string,
    @Param('service_request_id') id: string,
    @Query() query: Open311Query,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): Promise<Open311Document> {
    if (!CASE_NUMBER.test(id)) throw new DomainError('NOT_FOUND');
    return { root: 'service_requests', body: await this.open311.request(id, this.i18n.negotiate(query.lang, acceptLanguage)) };
  }

  @Get('tokens/:token.:format')
  async token(
    @Param('format', Open311FormatPipe) _format: string,
    @Param('token', TrackingTokenPipe) token: string,
    @Query() _query: Open311Query,
  ): Promise<Open311Document> {
    return { root: 'service_requests', body: await this.open311.token(token) };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { UserAccount } from '../accounts/user-account.entity.js';
import type { AuditContext } from '../audit/audit.service.js';
import { Audit, CurrentUser, OptionalUser, Roles } from '../auth/request-identity.js';
import { DomainError } from '../common/domain-error.js';
import { ParseId } from '../common/parse-id.pipe.js';
import { Public } from '../common/public.decorator.js';
import { TrackingTokenPipe } from '../complaints/tracking-token.pipe.js';
import { AUTH_LIMITED } from '../http/security.js';
import { BoardQuery } from './dto/board.query.js';
import { TakeTicketDto } from './dto/take-ticket.dto.js';
import { TransferTicketDto } from './dto/transfer-ticket.dto.js';
import { QueueDeskService } from './queue-desk.service.js';
import { QueueHall } from './queue-hall.js';
import { QueueReader } from './queue-reader.js';
import type { BoardView, CounterLineView, CounterView, IssuedTicket, TicketView } from './queue-view.types.js';
import { QueuesService } from './queues.service.js';

@ApiTags('queues')
@Controller('api/queues')
export class QueuesController {
  constructor(
    private readonly queues: QueuesService,
    private readonly desk: QueueDeskService,
    private readonly reader: QueueReader,
    private readonly hall: QueueHall,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The hall’s counters: open or not, services, how many wait, now serving, the wait for a new ticket.' })
  counters(): Promise<CounterView[]> {
    return this.reader.counters();
  }

  @Public()
  @Get('board')
  @ApiOkResponse({ description: 'The hall’s "now serving" board: ticket numbers per counter, nothing about people.' })
  @ApiNotFoundResponse({ description: 'No hall has this id.' })
  board(@Query() query: BoardQuery): Promise<BoardView> {
    if (query.hall !== this.hall.id) throw new DomainError('NOT_FOUND');
    return this.reader.board();
  }

  /** Tokens are guessable only by brute force: the stricter sign-in limit per address applies. */
  @Public()
  @Get('tickets/:token')
  @RouteConfig({ [AUTH_LIMITED]: true })
  @ApiOkResponse({ description: 'The ticket its token names, with its place in line.' })
  track(@Param('token', TrackingTokenPipe) token: string): Promise<TicketView> {
    return this.queues.track(token);
  }

  @Public()
  @Post('tickets/:token/cancel')
  @HttpCode(200)
  @RouteConfig({ [AUTH_LIMITED]: true })
  @ApiOkResponse({ description: 'Cancelled by its holder while waiting or called.' })
  cancel(@Param('token', TrackingTokenPipe) token: string, @Audit() context: AuditContext): Promise<TicketView> {
    return this.queues.cancel(token, context);
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'Called again: the holder hears it once more.' })
  recall(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<TicketView> {
    return this.desk.step(id, 'called', user, context);
  }

  @Post('tickets/:id/serve')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The holder came: called → serving.' })
  serve(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<TicketView> {
    return this.desk.step(id, 'serving', user, context);
  }

  @Post('tickets/:id/no-show')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The holder did not come: called → noshow.' })
  noShow(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<TicketView> {
    return this.desk.step(id, 'noshow', user, context);
  }

  @Post('tickets/:id/complete')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'Served: serving → done; the service time counts towards estimates.' })
  complete(@Param('id', ParseId) id: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<TicketView> {
    return this.desk.step(id, 'done', user, context);
  }

  @Post('tickets/:id/transfer')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The new waiting ticket at the target counter; the old one ends `transferred`.' })
  transfer(
    @Param('id', ParseId) id: string,
    @Body() dto: TransferTicketDto,
    @CurrentUser() user: UserAccount,
    @Audit() context: AuditContext,
  ): Promise<TicketView> {
    return this.desk.transfer(id, dto, user, context);
  }

  @Get(':counterId')
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The officials’ console: the counter and its line (numbers only).' })
  line(@Param('counterId') counterId: string, @CurrentUser() user: UserAccount): Promise<CounterLineView> {
    return this.desk.line(counterId, user);
  }

  @Post(':counterId/open')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'Open, run by this official.' })
  open(@Param('counterId') counterId: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<CounterView> {
    return this.desk.open(counterId, user, context);
  }

  @Post(':counterId/close')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'Closed to new walk-ins; the line stays for when it opens again.' })
  close(@Param('counterId') counterId: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<CounterView> {
    return this.desk.close(counterId, user, context);
  }

  @Public()
  @Post(':counterId/tickets')
  @ApiCreatedResponse({ description: 'The ticket and its token (shown once), which follows and cancels it without an account.' })
  take(
    @Param('counterId') counterId: string,
    @Body() dto: TakeTicketDto,
    @OptionalUser() user: UserAccount | undefined,
    @Audit() context: AuditContext,
  ): Promise<IssuedTicket> {
    return this.queues.take(counterId, dto.serviceId, user, context);
  }

  @Post(':counterId/call-next')
  @HttpCode(200)
  @Roles('official', 'admin')
  @ApiOkResponse({ description: 'The ticket now called.' })
  callNext(@Param('counterId') counterId: string, @CurrentUser() user: UserAccount, @Audit() context: AuditContext): Promise<TicketView> {
    return this.desk.callNext(counterId, user, context);
  }
}

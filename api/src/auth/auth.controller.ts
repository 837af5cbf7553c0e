import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { MeResponse } from '../accounts/me.response.js';
import type { UserAccount } from '../accounts/user-account.entity.js';
import { AuditService, type AuditContext } from '../audit/audit.service.js';
import { Public } from '../common/public.decorator.js';
import { AUTH_LIMITED } from '../http/security.js';
import { AuthService } from './auth.service.js';
import { LoginDto } from './dto/login.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { LocalAuthGuard } from './local.strategy.js';
import { Audit, type IdentifiedRequest } from './request-identity.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SESSION_ABSOLUTE_SECONDS, SessionsService } from './sessions.service.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  @Public()
  @Post('register')
  @RouteConfig({ [AUTH_LIMITED]: true })
  @ApiCreatedResponse({ description: 'Registered and signed in (session cookie set).' })
  async register(
    @Body() dto: RegisterDto,
    @Req() request: IdentifiedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Audit() context: AuditContext,
  ): Promise<{ user: MeResponse }> {
    const user = await this.auth.register(dto, context);
    await this.signIn(request, reply, user);
    return { user: MeResponse.of(user) };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @RouteConfig({ [AUTH_LIMITED]: true })
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ description: 'Signed in (session cookie set).' })
  async login(@Req() request: IdentifiedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<{ user: MeResponse }> {
    // LocalAuthGuard has put the verified person on the request.
    const user = request.user as UserAccount;
    await this.signIn(request, reply, user);
    return { user: MeResponse.of(user) };
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out; the session is ended in the database.' })
  async logout(
    @Req() request: IdentifiedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Audit() context: AuditContext,
  ): Promise<void> {
    if (request.sessionId) {
      await this.sessions.end(request.sessionId);
      await this.audit.record(context, { action: 'auth.logout', objectType: 'user_account', objectId: request.user?.id });
    }
    clearSessionCookie(request, reply);
  }

  /** A new session for every sign-in, and the one the browser had (if any) ended: no session fixation. */
  private async signIn(request: IdentifiedRequest, reply: FastifyReply, user: UserAccount): Promise<void> {
    if (request.sessionId) await this.sessions.end(request.sessionId);
    const { token } = await this.sessions.start(user.id);
    setSessionCookie(request, reply, token, SESSION_ABSOLUTE_SECONDS);
  }
}

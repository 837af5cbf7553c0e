import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AccessToken } from './access-token.entity.js';
import { AccessTokensController } from './access-tokens.controller.js';
import { AccessTokensService } from './access-tokens.service.js';
import { AuthFailure } from './auth-failure.entity.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalAuthGuard, LocalStrategy } from './local.strategy.js';
import { LoginThrottle } from './login-throttle.js';
import { MeController } from './me.controller.js';
import { SessionGuard } from './session.guard.js';
import { SessionsService } from './sessions.service.js';
import { UserSession } from './user-session.entity.js';

@Module({
  imports: [AccountsModule, PassportModule, TypeOrmModule.forFeature([UserSession, AuthFailure, AccessToken])],
  controllers: [AuthController, MeController, AccessTokensController],
  providers: [
    AuthService,
    SessionsService,
    AccessTokensService,
    LoginThrottle,
    LocalStrategy,
    LocalAuthGuard,
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService, SessionsService, AccessTokensService, LoginThrottle],
})
export class AuthModule {}

import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AppointmentsModule } from './appointments/appointments.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CityModule } from './city/city.module.js';
import { CityOfficialsModule } from './city/city-officials.module.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import { ConsultationsModule } from './consultations/consultations.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { Open311Module } from './open311/open311.module.js';
import { LiveModule } from './live/live.module.js';
import { PresenceModule } from './presence/presence.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { TourismModule } from './tourism/tourism.module.js';
import type { CityPack } from './city/city-pack.types.js';
import { ApiErrorFilter } from './common/api-error.filter.js';
import { ErrorResponder, LOGGER } from './common/error-responder.js';
import { validationPipe } from './common/validation-pipe.js';
import { APP_CONFIG } from './config/app-config.token.js';
import type { AppConfig } from './config/environment.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { I18nService } from './i18n/i18n.service.js';
import { PortalFallback } from './portal/portal-fallback.js';
import { REDIS } from './redis/redis.token.js';

/** What start-up has already prepared and checked before Nest is built. */
export interface AppContext {
  config: AppConfig;
  pack: CityPack;
  dataSource: DataSource;
  logger: Logger;
  i18n: I18nService;
  /** The shared Redis connection when REDIS_URL is set. */
  redis: Redis | null;
}

@Module({})
export class AppModule {
  static forRoot(context: AppContext, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => context.dataSource.options,
          // The data source is opened (and migrated) before Nest starts, so a bad DATABASE_URL fails in one line.
          dataSourceFactory: () => Promise.resolve(context.dataSource),
        }),
        CityModule.forRoot(context.pack),
        AuditModule,
        AccountsModule,
        AuthModule,
        PrivacyModule,
        AdminModule,
        LiveModule,
        ComplaintsModule,
        Open311Module,
        QueuesModule,
        CityOfficialsModule,
        TourismModule,
        AppointmentsModule,
        DocumentsModule,
        ConsultationsModule,
        PresenceModule,
        ...extraModules,
      ],
      controllers: [HealthController],
      // I18nService is needed by modules it imports (accounts): the app module is global for them.
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: context.config },
        { provide: LOGGER, useValue: context.logger },
        { provide: REDIS, useValue: context.redis },
        { provide: I18nService, useValue: context.i18n },
        ErrorResponder,
        PortalFallback,
        HealthService,
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        {
          provide: APP_PIPE,
          useValue: validationPipe(),
        },
      ],
      exports: [ErrorResponder, I18nService, LOGGER, APP_CONFIG, REDIS],
    };
  }
}

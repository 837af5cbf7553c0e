import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { LiveEventsService } from './live-events.service.js';
import { LiveGateway } from './live.gateway.js';
import { LiveWatches } from './live-watches.js';

/** Live events over socket.io (namespace `/live`); any module may publish. */
@Global()
@Module({
  imports: [AuthModule],
  providers: [LiveGateway, LiveEventsService, LiveWatches],
  exports: [LiveEventsService, LiveWatches],
})
export class LiveModule {}

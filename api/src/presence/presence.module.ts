import { Module } from '@nestjs/common';
import { PresenceGateway } from './presence.gateway.js';
import { PresenceService } from './presence.service.js';

/** Visitors' presence in the virtual hall over `/live`: opt-in, anonymous, held in memory; reports of visitors stored. */
@Module({
  providers: [PresenceService, PresenceGateway],
})
export class PresenceModule {}

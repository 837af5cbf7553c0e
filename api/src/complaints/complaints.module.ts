import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { LiveWatches } from '../live/live-watches.js';
import { ComplaintAnnouncer, trackedComplaintRoom } from './complaint-announcer.js';
import { ComplaintEvent } from './complaint-event.entity.js';
import { ComplaintFollower } from './complaint-follower.entity.js';
import { ComplaintFollowersService } from './complaint-followers.service.js';
import { Complaint } from './complaint.entity.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintsService } from './complaints.service.js';

@Module({
  imports: [CasesModule, TypeOrmModule.forFeature([Complaint, ComplaintEvent, ComplaintFollower])],
  controllers: [ComplaintsController],
  providers: [ComplaintsService, ComplaintFollowersService, ComplaintAnnouncer],
  exports: [ComplaintsService, ComplaintFollowersService],
})
export class ComplaintsModule implements OnModuleInit {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly watches: LiveWatches,
  ) {}

  /** Whoever holds a tracking token may hear of that complaint's changes live, signed in or not. */
  onModuleInit(): void {
    this.watches.register('complaint', async (token) => {
      const id = await this.complaints.complaintIdOfToken(token);
      return id ? trackedComplaintRoom(id) : null;
    });
  }
}

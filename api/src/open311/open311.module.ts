import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CivicCase } from '../cases/civic-case.entity.js';
import { ComplaintEvent } from '../complaints/complaint-event.entity.js';
import { Complaint } from '../complaints/complaint.entity.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { Open311ApiKey } from './open311-api-key.entity.js';
import { Open311KeysController } from './open311-keys.controller.js';
import { Open311KeysService } from './open311-keys.service.js';
import { Open311Controller } from './open311.controller.js';
import { Open311Service } from './open311.service.js';
import { ServiceRequestForms } from './service-request-form.js';

/** Open311 GeoReport v2 for other systems, and the API keys admins issue them. Filing goes through ComplaintsService. */
@Module({
  imports: [ComplaintsModule, TypeOrmModule.forFeature([Open311ApiKey, Complaint, ComplaintEvent, CivicCase])],
  controllers: [Open311Controller, Open311KeysController],
  providers: [Open311Service, Open311KeysService, ServiceRequestForms],
  exports: [Open311KeysService],
})
export class Open311Module {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { ConsultationsModule } from '../consultations/consultations.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { UserSession } from '../auth/user-session.entity.js';
import { ConsentRecord } from './consent-record.entity.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';
import { RetentionService } from './retention.service.js';

@Module({
  imports: [
    AuthModule,
    ComplaintsModule,
    QueuesModule,
    DocumentsModule,
    ConsultationsModule,
    ReportsModule,
    TypeOrmModule.forFeature([ConsentRecord, UserSession]),
  ],
  controllers: [PrivacyController],
  providers: [PrivacyService, RetentionService],
  exports: [RetentionService],
})
export class PrivacyModule {}

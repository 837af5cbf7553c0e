import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join } from 'node:path';
import { CasesModule } from '../cases/cases.module.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/environment.js';
import { ComplaintDocumentsController } from './complaint-documents.controller.js';
import { DocumentAnnouncer } from './document-announcer.js';
import { DocumentRecordsService } from './document-records.service.js';
import { DocumentScanning } from './document-scanning.service.js';
import { DocumentStorage, LocalDiskStorage } from './document-storage.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { IncomingUploads } from './incoming-uploads.js';
import { ResumableUploads } from './resumable-uploads.js';
import { StoredDocument } from './stored-document.entity.js';
import { Submission } from './submission.entity.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsService } from './submissions.service.js';
import { UploadPipeline } from './upload-pipeline.js';
import { UploadsController } from './uploads.controller.js';
import { ClamdScanner, VirusScanner } from './virus-scanner.js';

/** Document submissions, uploads (multipart and tus), virus scanning, review; files of other cases too. */
@Module({
  imports: [CasesModule, TypeOrmModule.forFeature([Submission, StoredDocument])],
  controllers: [SubmissionsController, DocumentsController, ComplaintDocumentsController, UploadsController],
  providers: [
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(join(config.dataDir, 'documents')),
    },
    { provide: IncomingUploads, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new IncomingUploads(config.dataDir) },
    // Without CLAMD_URL there is no scanner, and files wait for an official's release.
    {
      provide: VirusScanner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.clamdUrl ? new ClamdScanner(config.clamdUrl) : null),
    },
    UploadPipeline,
    DocumentAnnouncer,
    DocumentScanning,
    DocumentsService,
    SubmissionsService,
    DocumentRecordsService,
    ResumableUploads,
  ],
  exports: [DocumentsService, DocumentRecordsService],
})
export class DocumentsModule {}

import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { AuditSettings } from './application/audit-settings';
import { ErasePersonalDataFromAuditHandler } from './application/commands/erase-personal-data/erase-personal-data.handler';
import { ExportAuditTrailHandler } from './application/queries/export-audit-trail/export-audit-trail.handler';
import { GetAuditTrailHandler } from './application/queries/get-audit-trail/get-audit-trail.handler';
import { GetSupportRequestActionsHandler } from './application/queries/get-support-request-actions/get-support-request-actions.handler';
import { AuditRecord } from './domain/audit-record.entity';
import { AUDIT_QUEUE, AuditEventsProcessor } from './infrastructure/audit-events.processor';
import { AuditReadModel } from './infrastructure/audit.read-model';
import { AuditErasure } from './infrastructure/audit-erasure';
import { AUDIT_RETENTION_QUEUE, AuditRetention } from './infrastructure/audit-retention';
import { AuditExportController } from './http/audit-export.controller';

@Module({
  imports: [
    MikroOrmModule.forFeature([AuditRecord]),
    BullModule.registerQueue({ name: AUDIT_QUEUE }, { name: AUDIT_RETENTION_QUEUE }),
    SettingsModule.forContext(AuditSettings),
  ],
  controllers: [AuditExportController],
  providers: [
    AuditEventsProcessor,
    AuditReadModel,
    GetAuditTrailHandler,
    GetSupportRequestActionsHandler,
    ExportAuditTrailHandler,
    ErasePersonalDataFromAuditHandler,
    AuditErasure,
    AuditRetention,
  ],
})
export class AuditModule {}

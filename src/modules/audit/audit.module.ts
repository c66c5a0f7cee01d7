import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { GetAuditTrailHandler } from './application/queries/get-audit-trail/get-audit-trail.handler';
import { GetSupportRequestActionsHandler } from './application/queries/get-support-request-actions/get-support-request-actions.handler';
import { AuditRecord } from './domain/audit-record.entity';
import { AUDIT_QUEUE, AuditEventsProcessor } from './infrastructure/audit-events.processor';
import { AuditReadModel } from './infrastructure/audit.read-model';

@Module({
  imports: [
    MikroOrmModule.forFeature([AuditRecord]),
    BullModule.registerQueue({ name: AUDIT_QUEUE }),
  ],
  providers: [
    AuditEventsProcessor,
    AuditReadModel,
    GetAuditTrailHandler,
    GetSupportRequestActionsHandler,
  ],
})
export class AuditModule {}

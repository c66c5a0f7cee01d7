import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { ExportPersonalDataHandler } from './application/commands/export-personal-data/export-personal-data.handler';
import { EraseAuditPersonalDataOnAccountWithdrawnHandler } from './application/event-handlers/erase-audit-personal-data-on-account-withdrawn.handler';
import { PrivacySettings } from './application/privacy-settings';
import { MyDataController } from './http/my-data.controller';

/**
 * What the service holds about a person, across contexts: the download of one's own data, and the
 * erasure of a withdrawn person's details from the audit trail (ADR 0072).
 */
@Module({
  imports: [SettingsModule.forContext(PrivacySettings)],
  controllers: [MyDataController],
  providers: [ExportPersonalDataHandler, EraseAuditPersonalDataOnAccountWithdrawnHandler],
})
export class PrivacyModule {}

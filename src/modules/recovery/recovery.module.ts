import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { LookUpUserIdsHandler } from './application/commands/look-up-user-ids/look-up-user-ids.handler';
import { RequestLookupPasswordHandler } from './application/commands/request-lookup-password/request-lookup-password.handler';
import { RequestPasswordReissueHandler } from './application/commands/request-password-reissue/request-password-reissue.handler';
import { RecoveryRateLimits } from './application/recovery-rate-limits';
import { RecoverySettings } from './application/recovery-settings';
import { LookupPassword } from './domain/lookup-password.entity';
import { RecoveryController } from './http/recovery.controller';
import { LookupPasswordRepository } from './infrastructure/lookup-password.repository';
import { RECOVERY_MAIL_TEMPLATES } from './recovery.mail-templates';

@Module({
  imports: [
    MikroOrmModule.forFeature([LookupPassword]),
    SettingsModule.forContext(RecoverySettings),
    MailModule.forTemplates(RECOVERY_MAIL_TEMPLATES),
  ],
  controllers: [RecoveryController],
  providers: [
    LookupPasswordRepository,
    RecoveryRateLimits,
    RequestLookupPasswordHandler,
    LookUpUserIdsHandler,
    RequestPasswordReissueHandler,
  ],
})
export class RecoveryModule {}

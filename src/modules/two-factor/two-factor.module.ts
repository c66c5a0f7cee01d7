import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { AccountDirectory } from './application/account-directory';
import { CompleteTwoFactorChallengeHandler } from './application/commands/complete-two-factor-challenge/complete-two-factor-challenge.handler';
import { DisableTwoFactorHandler } from './application/commands/disable-two-factor/disable-two-factor.handler';
import { EnableTwoFactorHandler } from './application/commands/enable-two-factor/enable-two-factor.handler';
import { EraseTwoFactorHandler } from './application/commands/erase-two-factor/erase-two-factor.handler';
import { RegenerateRecoveryCodesHandler } from './application/commands/regenerate-recovery-codes/regenerate-recovery-codes.handler';
import { RequireTwoFactorForMemberHandler } from './application/commands/require-two-factor-for-member/require-two-factor-for-member.handler';
import { ResetTwoFactorHandler } from './application/commands/reset-two-factor/reset-two-factor.handler';
import { StartTwoFactorChallengeHandler } from './application/commands/start-two-factor-challenge/start-two-factor-challenge.handler';
import { UnlockTwoFactorHandler } from './application/commands/unlock-two-factor/unlock-two-factor.handler';
import { EraseTwoFactorOnAccountWithdrawnHandler } from './application/event-handlers/erase-two-factor-on-account-withdrawn.handler';
import { PasswordConfirmation } from './application/password-confirmation';
import { GetSecondFactorRequirementHandler } from './application/queries/get-second-factor-requirement/get-second-factor-requirement.handler';
import { GetTwoFactorStatusHandler } from './application/queries/get-two-factor-status/get-two-factor-status.handler';
import { GetSecondFactorSummaryHandler } from './application/queries/get-second-factor-summary/get-second-factor-summary.handler';
import { GetSecondFactorSummarySqlHandler } from './application/queries/get-second-factor-summary-sql/get-second-factor-summary-sql.handler';
import { RecoveryCodeIssuer } from './application/recovery-code-issuer';
import { SecondFactorChecker } from './application/second-factor-checker';
import { secretCipherFrom, TwoFactorSettings } from './application/two-factor-settings';
import { RecoveryCode } from './domain/recovery-code.entity';
import { TwoFactorAccount } from './domain/two-factor-account.entity';
import { TwoFactorChallenge } from './domain/two-factor-challenge.entity';
import { MyTwoFactorController } from './http/my-two-factor.controller';
import { TwoFactorSupportController } from './http/two-factor-support.controller';
import { Clock } from './infrastructure/clock';
import { QrCodeRenderer } from './infrastructure/qr-code';
import { SecretCipher } from './infrastructure/secret-cipher';
import { Totp } from './infrastructure/totp';
import { TwoFactorReadModel } from './infrastructure/two-factor.read-model';
import { TwoFactorRepository } from './infrastructure/two-factor.repository';
import { TWO_FACTOR_MAIL_TEMPLATES } from './two-factor.mail-templates';

@Module({
  imports: [
    MikroOrmModule.forFeature([TwoFactorAccount, TwoFactorChallenge, RecoveryCode]),
    SettingsModule.forContext(TwoFactorSettings),
    MailModule.forTemplates(TWO_FACTOR_MAIL_TEMPLATES),
  ],
  controllers: [MyTwoFactorController, TwoFactorSupportController],
  providers: [
    { provide: SecretCipher, useFactory: secretCipherFrom, inject: [TwoFactorSettings] },
    Clock,
    Totp,
    QrCodeRenderer,
    TwoFactorRepository,
    TwoFactorReadModel,
    AccountDirectory,
    PasswordConfirmation,
    SecondFactorChecker,
    RecoveryCodeIssuer,
    StartTwoFactorChallengeHandler,
    CompleteTwoFactorChallengeHandler,
    EnableTwoFactorHandler,
    DisableTwoFactorHandler,
    RegenerateRecoveryCodesHandler,
    RequireTwoFactorForMemberHandler,
    UnlockTwoFactorHandler,
    ResetTwoFactorHandler,
    EraseTwoFactorHandler,
    GetSecondFactorRequirementHandler,
    GetTwoFactorStatusHandler,
    GetSecondFactorSummaryHandler,
    GetSecondFactorSummarySqlHandler,
    EraseTwoFactorOnAccountWithdrawnHandler,
  ],
})
export class TwoFactorModule {}

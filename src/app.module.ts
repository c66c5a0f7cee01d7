import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { AccountsModule } from './modules/accounts/accounts.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthenticationModule } from './modules/authentication/authentication.module';
import { EnrollmentsModule } from './modules/enrollments/enrollments.module';
import { GroupsModule } from './modules/groups/groups.module';
import { MailModule } from './modules/mail/mail.module';
import { OperationsModule } from './modules/operations/operations.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { RecoveryModule } from './modules/recovery/recovery.module';
import { SupportModule } from './modules/support/support.module';
import { TwoFactorModule } from './modules/two-factor/two-factor.module';

/** One module per bounded context; each brings its own settings and mails (ADR 0007). */
export const CONTEXT_MODULES = [
  AuditModule,
  MailModule,
  AccountsModule,
  TwoFactorModule,
  AuthenticationModule,
  RecoveryModule,
  GroupsModule,
  OperationsModule,
  PrivacyModule,
  SupportModule,
  EnrollmentsModule,
];

/** The modular monolith: the shared platform plus one module per bounded context. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(config), ...CONTEXT_MODULES] };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { AuditModule } from './modules/audit/audit.module';
import { MailModule } from './modules/mail/mail.module';

/** The modular monolith: the shared platform plus one module per bounded context. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(config), AuditModule, MailModule],
    };
  }
}

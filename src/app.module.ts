import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule } from '@app/platform';
import { AuditModule } from './modules/audit/public-api';
import { MailModule } from './modules/mail/public-api';

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

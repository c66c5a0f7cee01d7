import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { AnswerSupportRequestHandler } from './application/commands/answer-support-request/answer-support-request.handler';
import { CloseSupportRequestHandler } from './application/commands/close-support-request/close-support-request.handler';
import { SubmitContactFormHandler } from './application/commands/submit-contact-form/submit-contact-form.handler';
import { TakeSupportRequestHandler } from './application/commands/take-support-request/take-support-request.handler';
import { ContactRateLimits } from './application/contact-rate-limits';
import { AccountBadgeReader } from './application/queries/account-badges';
import { GetSupportAccountHandler } from './application/queries/get-support-account/get-support-account.handler';
import { GetSupportRequestHandler } from './application/queries/get-support-request/get-support-request.handler';
import { ListSupportRequestsHandler } from './application/queries/list-support-requests/list-support-requests.handler';
import { SearchSupportAccountsHandler } from './application/queries/search-support-accounts/search-support-accounts.handler';
import { SupportSettings } from './application/support-settings';
import { SupportRequest } from './domain/support-request.entity';
import { ContactController } from './http/contact.controller';
import { FailedMailsController } from './http/failed-mails.controller';
import { SupportAccountsController } from './http/support-accounts.controller';
import { SupportInboxController } from './http/support-inbox.controller';
import { SupportRequestRepository } from './infrastructure/support-request.repository';
import { SupportReadModel } from './infrastructure/support.read-model';
import { SUPPORT_MAIL_TEMPLATES } from './support.mail-templates';

/** The contact form, support's inbox, its account search and page, and failed mails (ADR 0080). */
@Module({
  imports: [
    MikroOrmModule.forFeature([SupportRequest]),
    SettingsModule.forContext(SupportSettings),
    MailModule.forTemplates(SUPPORT_MAIL_TEMPLATES),
  ],
  controllers: [
    ContactController,
    SupportInboxController,
    SupportAccountsController,
    FailedMailsController,
  ],
  providers: [
    SupportRequestRepository,
    SupportReadModel,
    ContactRateLimits,
    AccountBadgeReader,
    SubmitContactFormHandler,
    TakeSupportRequestHandler,
    AnswerSupportRequestHandler,
    CloseSupportRequestHandler,
    ListSupportRequestsHandler,
    GetSupportRequestHandler,
    SearchSupportAccountsHandler,
    GetSupportAccountHandler,
  ],
})
export class SupportModule {}

import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { ACCOUNTS_MAIL_TEMPLATES } from './accounts.mail-templates';
import { CompleteWithdrawalHandler } from './application/commands/complete-withdrawal/complete-withdrawal.handler';
import { WithdrawGroupMemberHandler } from './application/commands/withdraw-group-member/withdraw-group-member.handler';
import { ConfirmRegistrationHandler } from './application/commands/confirm-registration/confirm-registration.handler';
import { CorrectMemberProfileHandler } from './application/commands/correct-member-profile/correct-member-profile.handler';
import { EditProfileHandler } from './application/commands/edit-profile/edit-profile.handler';
import { RegisterAccountHandler } from './application/commands/register-account/register-account.handler';
import { RegisterAccountWithAssignedIdHandler } from './application/commands/register-account-with-assigned-id/register-account-with-assigned-id.handler';
import { RequestRenewalHandler } from './application/commands/request-renewal/request-renewal.handler';
import { RequestWithdrawalHandler } from './application/commands/request-withdrawal/request-withdrawal.handler';
import { AccountsSettings } from './application/accounts-settings';
import { CurrentPasswordCheck } from './application/current-password-check';
import { CheckUserIdAvailabilityHandler } from './application/queries/check-user-id-availability/check-user-id-availability.handler';
import { FindAccountForLoginHandler } from './application/queries/find-account-for-login/find-account-for-login.handler';
import { FindActiveAccountsByEmailHandler } from './application/queries/find-active-accounts-by-email/find-active-accounts-by-email.handler';
import { GetAccountHandler } from './application/queries/get-account/get-account.handler';
import { GetAccountDetailHandler } from './application/queries/get-account-detail/get-account-detail.handler';
import { GetMyPageHandler } from './application/queries/get-my-page/get-my-page.handler';
import { ListWithdrawalRequestsHandler } from './application/queries/list-withdrawal-requests/list-withdrawal-requests.handler';
import { LookUpAccountIdHandler } from './application/queries/look-up-account-id/look-up-account-id.handler';
import { SearchAccountsHandler } from './application/queries/search-accounts/search-accounts.handler';
import { Account } from './domain/account.entity';
import { AdminAccountsController } from './http/admin-accounts.controller';
import { AdminWithdrawalsController } from './http/admin-withdrawals.controller';
import { MyPageController } from './http/my-page.controller';
import { RegistrationController } from './http/registration.controller';
import { AccountRepository } from './infrastructure/account.repository';
import { AccountsReadModel } from './infrastructure/accounts.read-model';

@Module({
  imports: [
    MikroOrmModule.forFeature([Account]),
    SettingsModule.forContext(AccountsSettings),
    MailModule.forTemplates(ACCOUNTS_MAIL_TEMPLATES),
  ],
  controllers: [
    RegistrationController,
    MyPageController,
    AdminAccountsController,
    AdminWithdrawalsController,
  ],
  providers: [
    AccountRepository,
    AccountsReadModel,
    CurrentPasswordCheck,
    RegisterAccountHandler,
    RegisterAccountWithAssignedIdHandler,
    EditProfileHandler,
    CorrectMemberProfileHandler,
    ConfirmRegistrationHandler,
    RequestRenewalHandler,
    RequestWithdrawalHandler,
    CompleteWithdrawalHandler,
    WithdrawGroupMemberHandler,
    FindAccountForLoginHandler,
    GetAccountHandler,
    FindActiveAccountsByEmailHandler,
    CheckUserIdAvailabilityHandler,
    SearchAccountsHandler,
    GetAccountDetailHandler,
    GetMyPageHandler,
    ListWithdrawalRequestsHandler,
    LookUpAccountIdHandler,
  ],
})
export class AccountsModule {}

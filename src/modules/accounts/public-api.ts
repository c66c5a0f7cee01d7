// Ports: what accounts asks of other contexts, declared here and answered by them
// (authentication keeps the credentials and staff roles, two-factor the second factor).
export {
  IssueTemporaryPasswordCommand,
  SetInitialPasswordCommand,
  VerifyCurrentPasswordQuery,
} from './application/ports/credentials.port';
export type {
  IssueTemporaryPasswordInput,
  TemporaryPasswordReason,
} from './application/ports/credentials.port';
export {
  GetSecondFactorSummaryQuery,
  GetSecondFactorSummarySqlQuery,
} from './application/ports/second-factor.port';
export type { SecondFactorSummary } from './application/ports/second-factor.port';
export { ReleaseStaffRolesCommand } from './application/ports/staff-roles.port';

export { RegisterAccountCommand } from './application/commands/register-account/register-account.command';
export type { RegisterAccountResult } from './application/commands/register-account/register-account.command';
export { RegisterAccountWithAssignedIdCommand } from './application/commands/register-account-with-assigned-id/register-account-with-assigned-id.command';
export type { RegisterAccountWithAssignedIdResult } from './application/commands/register-account-with-assigned-id/register-account-with-assigned-id.command';

export { EditProfileCommand } from './application/commands/edit-profile/edit-profile.command';
export { CorrectMemberProfileCommand } from './application/commands/correct-member-profile/correct-member-profile.command';

export { FindAccountForLoginQuery } from './application/queries/find-account-for-login/find-account-for-login.query';
export {
  ACCOUNT_FOR_LOGIN_SQL,
  accountForLoginByIdSql,
  accountForLoginOf,
  accountForLoginParams,
} from './application/queries/find-account-for-login/account-for-login.sql';
export type { AccountForLoginRow } from './application/queries/find-account-for-login/account-for-login.sql';
export { GetAccountQuery } from './application/queries/get-account/get-account.query';
export { FindActiveAccountsByEmailQuery } from './application/queries/find-active-accounts-by-email/find-active-accounts-by-email.query';
export type { AccountForLogin, AccountView } from './application/queries/account-views';
export { SearchAccountsQuery } from './application/queries/search-accounts/search-accounts.query';
export type { AccountSummary } from './application/queries/search-accounts/search-accounts.query';
export { GetAccountDetailQuery } from './application/queries/get-account-detail/get-account-detail.query';
export type { AccountDetail } from './application/queries/get-account-detail/get-account-detail.query';
export type { Page } from './application/queries/page';

export type { AccountStatus, AccountType, Language, RegisteredBy } from './domain/account-type';
export type { ProfileInput, ProfileSnapshot } from './domain/profile';

export { AccountRegistered } from './domain/accounts.events';
export type { AccountRegisteredPayload } from './domain/accounts.events';
export { ProfileChanged } from './domain/accounts.events';
export type { ProfileChangedPayload } from './domain/accounts.events';
export { EmailChanged } from './domain/accounts.events';
export type { EmailChangedPayload } from './domain/accounts.events';
export { RenewalRequested } from './domain/accounts.events';
export type { RenewalRequestedPayload } from './domain/accounts.events';
export { RenewalCompleted } from './domain/accounts.events';
export type { RenewalCompletedPayload } from './domain/accounts.events';
export { WithdrawalRequested } from './domain/accounts.events';
export type { WithdrawalRequestedPayload } from './domain/accounts.events';
export { AccountWithdrawn } from './domain/accounts.events';
export type { AccountWithdrawnPayload } from './domain/accounts.events';
export { WithdrawGroupMemberCommand } from './application/commands/withdraw-group-member/withdraw-group-member.command';
export { AccountNotFoundError } from './domain/accounts.errors';

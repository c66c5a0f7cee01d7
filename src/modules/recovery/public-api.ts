export { RequestLookupPasswordCommand } from './application/commands/request-lookup-password/request-lookup-password.command';
export { LookUpUserIdsCommand } from './application/commands/look-up-user-ids/look-up-user-ids.command';
export { RequestPasswordReissueCommand } from './application/commands/request-password-reissue/request-password-reissue.command';
export {
  LookupPasswordIssued,
  PasswordReissueRequested,
  RecoveryRateLimited,
  UserIdLookupCompleted,
  UserIdLookupFailed,
  UserIdLookupRequested,
} from './domain/recovery.events';
export type {
  LookupFailureReason,
  LookupPasswordIssuedPayload,
  PasswordReissueRequestedPayload,
  RecoveryFlow,
  RecoveryRateLimitedPayload,
  ReissueOutcome,
  UserIdLookupCompletedPayload,
  UserIdLookupFailedPayload,
  UserIdLookupRequestedPayload,
} from './domain/recovery.events';
export { InvalidLookupPasswordError } from './domain/recovery.errors';

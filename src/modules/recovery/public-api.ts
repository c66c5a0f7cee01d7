export { RequestLookupPasswordCommand } from './application/commands/request-lookup-password/request-lookup-password.command';
export { LookUpUserIdsCommand } from './application/commands/look-up-user-ids/look-up-user-ids.command';
export { RequestPasswordReissueCommand } from './application/commands/request-password-reissue/request-password-reissue.command';
export { RECOVERY_EVENTS } from './domain/recovery.events';
export type { LookupFailureReason, RecoveryFlow, ReissueOutcome } from './domain/recovery.events';
export { InvalidLookupPasswordError } from './domain/recovery.errors';

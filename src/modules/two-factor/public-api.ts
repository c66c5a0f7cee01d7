export { GetSecondFactorRequirementQuery } from './application/queries/get-second-factor-requirement/get-second-factor-requirement.query';
export type {
  SecondFactorRequirement,
  SecondFactorState,
} from './application/queries/get-second-factor-requirement/get-second-factor-requirement.query';
export {
  secondFactorFactsSql,
  secondFactorRequirementOf,
} from './application/queries/get-second-factor-requirement/second-factor-requirement';
export type { SecondFactorFacts } from './application/queries/get-second-factor-requirement/second-factor-requirement';
export { GetTwoFactorStatusQuery } from './application/queries/get-two-factor-status/get-two-factor-status.query';
export type { TwoFactorStatus } from './application/queries/get-two-factor-status/get-two-factor-status.query';
export { StartTwoFactorChallengeCommand } from './application/commands/start-two-factor-challenge/start-two-factor-challenge.command';
export type {
  StartedTwoFactorChallenge,
  TwoFactorEnrollment,
} from './application/commands/start-two-factor-challenge/start-two-factor-challenge.command';
export { CompleteTwoFactorChallengeCommand } from './application/commands/complete-two-factor-challenge/complete-two-factor-challenge.command';
export type { CompletedTwoFactorChallenge } from './application/commands/complete-two-factor-challenge/complete-two-factor-challenge.command';
export { RequireTwoFactorForMemberCommand } from './application/commands/require-two-factor-for-member/require-two-factor-for-member.command';
export {
  RecoveryCodeUsed,
  RecoveryCodesRegenerated,
  TwoFactorDisabled,
  TwoFactorEnabled,
  TwoFactorEnrolled,
  TwoFactorGroupRequirementLifted,
  TwoFactorLocked,
  TwoFactorReset,
  TwoFactorUnlocked,
  TwoFactorVerificationFailed,
  TwoFactorVerified,
} from './domain/two-factor.events';
export type {
  ContactPayload,
  RecoveryCodeUsedPayload,
  RecoveryCodesRegeneratedPayload,
  TwoFactorDisabledPayload,
  TwoFactorEnabledPayload,
  TwoFactorEnrolledPayload,
  TwoFactorGroupRequirementLiftedPayload,
  TwoFactorLockedPayload,
  TwoFactorResetPayload,
  TwoFactorUnlockedPayload,
  TwoFactorVerificationFailedPayload,
  TwoFactorVerifiedPayload,
  SecondFactorMethod,
} from './domain/two-factor.events';
/** Thrown by the login flow too, when the requirement query answers `locked`. */
export { AccountLockedError } from './domain/two-factor.errors';

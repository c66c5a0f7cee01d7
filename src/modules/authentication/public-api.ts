export { RevokeSessionsCommand } from './application/commands/revoke-sessions/revoke-sessions.command';
export type { SessionRevocationReason } from './application/commands/revoke-sessions/revoke-sessions.command';
export { StartSessionCommand } from './application/commands/start-session/start-session.command';
export type {
  SessionScope,
  StartedSession,
} from './application/commands/start-session/start-session.command';
export { GrantStaffRoleCommand } from './application/commands/grant-staff-role/grant-staff-role.command';
export { RevokeStaffRoleCommand } from './application/commands/revoke-staff-role/revoke-staff-role.command';
export { GetStaffRolesQuery } from './application/queries/get-staff-roles/get-staff-roles.query';
export { GetLoginCooldownQuery } from './application/queries/get-login-cooldown/get-login-cooldown.query';
export type { LoginCooldownState } from './application/queries/get-login-cooldown/get-login-cooldown.query';
export { ListSessionsQuery } from './application/queries/list-sessions/list-sessions.query';
export type { SessionView } from './application/queries/list-sessions/list-sessions.query';
export type { StaffRole } from '@app/platform';
export {
  LoggedOut,
  LoginCooldownLifted,
  LoginFailed,
  LoginPasswordAccepted,
  LoginSucceeded,
  LoginThrottled,
  PasswordChangeRejected,
  PasswordChangeRequired,
  PasswordChanged,
  PasswordRehashed,
  PasswordSet,
  SessionsRevoked,
  StaffRoleGranted,
  StaffRoleRevoked,
  TemporaryPasswordIssued,
} from './domain/authentication.events';
export type {
  LoginFailureReason,
  LoggedOutPayload,
  LoginCooldownLiftedPayload,
  LoginFailedPayload,
  LoginPasswordAcceptedPayload,
  LoginSucceededPayload,
  LoginThrottledPayload,
  PasswordChangeRejectedPayload,
  PasswordChangeRequiredPayload,
  PasswordChangedPayload,
  PasswordRehashedPayload,
  PasswordSetPayload,
  SessionsRevokedPayload,
  StaffRoleGrantedPayload,
  StaffRoleRevokedPayload,
  TemporaryPasswordIssuedPayload,
} from './domain/authentication.events';
export { SessionNotFoundError } from './domain/authentication.errors';

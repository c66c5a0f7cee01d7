import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AUTHENTICATOR, SettingsModule } from '@app/platform';
import { MailModule } from '../mail/public-api';
import { AuthenticationSettings } from './application/authentication-settings';
import { AUTHENTICATION_MAIL_TEMPLATES } from './authentication.mail-templates';
import { ChangePasswordHandler } from './application/commands/change-password/change-password.handler';
import { CompleteTwoFactorLoginHandler } from './application/commands/complete-two-factor-login/complete-two-factor-login.handler';
import { EndSessionHandler } from './application/commands/end-session/end-session.handler';
import { ForgetWithdrawnAccountHandler } from './application/commands/forget-withdrawn-account/forget-withdrawn-account.handler';
import { GrantStaffRoleHandler } from './application/commands/grant-staff-role/grant-staff-role.handler';
import { LiftLoginCooldownHandler } from './application/commands/lift-login-cooldown/lift-login-cooldown.handler';
import { IssueTemporaryPasswordHandler } from './application/commands/issue-temporary-password/issue-temporary-password.handler';
import { LogInWithPasswordHandler } from './application/commands/log-in-with-password/log-in-with-password.handler';
import { LogOutHandler } from './application/commands/log-out/log-out.handler';
import { RevokeSessionsHandler } from './application/commands/revoke-sessions/revoke-sessions.handler';
import { RevokeStaffRoleHandler } from './application/commands/revoke-staff-role/revoke-staff-role.handler';
import { ReleaseStaffRolesHandler } from './application/commands/release-staff-roles/release-staff-roles.handler';
import { SetInitialPasswordHandler } from './application/commands/set-initial-password/set-initial-password.handler';
import { StartSessionHandler } from './application/commands/start-session/start-session.handler';
import { ForgetCredentialsOnAccountWithdrawnHandler } from './application/event-handlers/forget-credentials-on-account-withdrawn.handler';
import { RevokeSessionsOnTwoFactorResetOrLockedHandler } from './application/event-handlers/revoke-sessions-on-two-factor-reset-or-locked.handler';
import { DeviceCookies } from './application/device-cookies';
import { LoginAttempts } from './application/login-attempts';
import { LoginFactsReader } from './application/login-facts';
import { PasswordCheck } from './application/password-check';
import { GetLoginCooldownHandler } from './application/queries/get-login-cooldown/get-login-cooldown.handler';
import { GetStaffRolesHandler } from './application/queries/get-staff-roles/get-staff-roles.handler';
import { ListSessionsHandler } from './application/queries/list-sessions/list-sessions.handler';
import { VerifyCurrentPasswordHandler } from './application/queries/verify-current-password/verify-current-password.handler';
import { Credential } from './domain/credential.entity';
import { DeviceCookieThrottle } from './domain/device-cookie-throttle.entity';
import { LoginThrottle } from './domain/login-throttle.entity';
import { PasswordPolicy } from './domain/password-policy';
import { Session } from './domain/session.entity';
import { StaffRoleAssignment } from './domain/staff-role-assignment.entity';
import { AuthController } from './http/auth.controller';
import { PasswordLoginGuard } from './http/password-login.guard';
import { SessionCookie } from './http/session-cookie';
import { SessionOriginGuard } from './http/session-origin.guard';
import { StaffAreaGuard } from './http/staff-area.guard';
import { StaffAccountActionsController } from './http/staff-account-actions.controller';
import { StaffRolesController } from './http/staff-roles.controller';
import { AuthenticationReadModel } from './infrastructure/authentication.read-model';
import { BootstrapAdmin } from './infrastructure/bootstrap-admin';
import { CredentialRepository } from './infrastructure/credential.repository';
import { DeviceCookieThrottleRepository } from './infrastructure/device-cookie-throttle.repository';
import { LoginThrottleRepository } from './infrastructure/login-throttle.repository';
import { loadCommonPasswords } from './infrastructure/common-passwords';
import { LocalStrategy } from './infrastructure/local.strategy';
import { SameOriginCheck } from './infrastructure/same-origin-check';
import { SessionAuthenticator } from './infrastructure/session-authenticator';
import { SessionRepository } from './infrastructure/session.repository';
import { StaffRosterRepository } from './infrastructure/staff-roster.repository';

@Module({
  imports: [
    MikroOrmModule.forFeature([
      Credential,
      Session,
      LoginThrottle,
      DeviceCookieThrottle,
      StaffRoleAssignment,
    ]),
    PassportModule,
    SettingsModule.forContext(AuthenticationSettings),
    MailModule.forTemplates(AUTHENTICATION_MAIL_TEMPLATES),
  ],
  controllers: [AuthController, StaffRolesController, StaffAccountActionsController],
  providers: [
    {
      provide: PasswordPolicy,
      inject: [AuthenticationSettings],
      useFactory: (settings: AuthenticationSettings) =>
        new PasswordPolicy(
          { minLength: settings.PASSWORD_MIN_LENGTH, maxLength: settings.PASSWORD_MAX_LENGTH },
          loadCommonPasswords(),
        ),
    },
    CredentialRepository,
    SessionRepository,
    LoginThrottleRepository,
    DeviceCookieThrottleRepository,
    DeviceCookies,
    StaffRosterRepository,
    AuthenticationReadModel,
    PasswordCheck,
    LoginAttempts,
    LoginFactsReader,
    SameOriginCheck,
    SessionAuthenticator,
    { provide: AUTHENTICATOR, useExisting: SessionAuthenticator },
    { provide: APP_GUARD, useClass: StaffAreaGuard },
    LocalStrategy,
    PasswordLoginGuard,
    SessionOriginGuard,
    SessionCookie,
    BootstrapAdmin,
    SetInitialPasswordHandler,
    IssueTemporaryPasswordHandler,
    StartSessionHandler,
    RevokeSessionsHandler,
    LogInWithPasswordHandler,
    CompleteTwoFactorLoginHandler,
    ChangePasswordHandler,
    LogOutHandler,
    EndSessionHandler,
    GrantStaffRoleHandler,
    RevokeStaffRoleHandler,
    ReleaseStaffRolesHandler,
    ForgetWithdrawnAccountHandler,
    ListSessionsHandler,
    GetStaffRolesHandler,
    GetLoginCooldownHandler,
    LiftLoginCooldownHandler,
    VerifyCurrentPasswordHandler,
    ForgetCredentialsOnAccountWithdrawnHandler,
    RevokeSessionsOnTwoFactorResetOrLockedHandler,
  ],
  exports: [AUTHENTICATOR],
})
export class AuthenticationModule {}

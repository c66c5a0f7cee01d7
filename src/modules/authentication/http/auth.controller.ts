import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, ErrorResponseDto } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import type { Request, Response } from 'express';
import { ChangePasswordCommand } from '../application/commands/change-password/change-password.command';
import { CompleteTwoFactorLoginCommand } from '../application/commands/complete-two-factor-login/complete-two-factor-login.command';
import { EndSessionCommand } from '../application/commands/end-session/end-session.command';
import { LogOutCommand } from '../application/commands/log-out/log-out.command';
import type { LoginOutcome } from '../application/login-outcome';
import { ListSessionsQuery } from '../application/queries/list-sessions/list-sessions.query';
import {
  ChangePasswordRequestDto,
  LoginRequestDto,
  LoginResponseDto,
  SessionDto,
  SessionIdParamsDto,
  TwoFactorLoginRequestDto,
} from './auth.dto';
import { PasswordLoginGuard } from './password-login.guard';
import { SessionOriginGuard } from './session-origin.guard';
import { SessionCookie } from './session-cookie';

@ApiTags('authentication')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly cookie: SessionCookie,
  ) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(SessionOriginGuard, PasswordLoginGuard)
  @ApiOperation({
    summary: 'Log in with user ID and password',
    description:
      'Every failed password step answers the same 401 INVALID_CREDENTIALS. After 10 consecutive failures for a user ID ' +
      '(whether or not it exists) further attempts get 429 TOO_MANY_ATTEMPTS for 15 minutes; there is also a per-client-IP limit. ' +
      'A right password also sets the `device` cookie (HttpOnly, SameSite=Strict, Path=/api/v1/auth, Secure per COOKIE_SECURE, ' +
      'about 180 days): a signed note that this device once logged in to this user ID. Attempts from a device presenting it ' +
      "count apart from everybody else's, so the 15-minute cool-down that others cause does not apply to it; after 10 wrong " +
      'passwords the cookie itself is locked for 15 minutes and the device counts like any other. Clients that send no ' +
      'cookies are unaffected.',
  })
  @ApiBody({ type: LoginRequestDto })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_CREDENTIALS' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  @ApiResponseLocked()
  @ApiResponseForeignOrigin()
  login(
    @Req() request: Request & { user: LoginOutcome },
    @Res({ passthrough: true }) response: Response,
  ): LoginResponseDto {
    const { deviceCookie } = request.user;
    if (deviceCookie) this.cookie.setDevice(response, deviceCookie);
    return this.answer(request.user, response);
  }

  @Post('login/two-factor')
  @HttpCode(200)
  @UseGuards(SessionOriginGuard)
  @ApiOperation({
    summary: 'Second login step: the code from the authenticator app (or a recovery code)',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'INVALID_TWO_FACTOR_CODE, CHALLENGE_EXPIRED',
  })
  @ApiResponseLocked()
  @ApiResponseForeignOrigin()
  async completeTwoFactor(
    @Body() body: TwoFactorLoginRequestDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponseDto> {
    const outcome = await this.commands.execute(
      new CompleteTwoFactorLoginCommand(body.challengeToken, body.code),
    );
    return this.answer(outcome, response);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContentResponse()
  async logout(
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.commands.execute(new LogOutCommand(actor.accountId, actor.sessionId));
    this.cookie.clear(response);
  }

  @Get('sessions')
  @Authenticated()
  @ApiOperation({ summary: "The caller's live sessions, newest first" })
  @ApiOkResponse({ type: SessionDto, isArray: true })
  async sessions(@CurrentActor() actor: AuthenticatedActor): Promise<SessionDto[]> {
    const sessions = await this.queries.execute(
      new ListSessionsQuery(actor.accountId, actor.sessionId),
    );
    return sessions.map((session) => ({
      ...session,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    }));
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @Authenticated()
  @ApiOperation({ summary: 'End one of the caller’s sessions' })
  @ApiNoContentResponse()
  async endSession(
    @CurrentActor() actor: AuthenticatedActor,
    @Param() params: SessionIdParamsDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.commands.execute(new EndSessionCommand(actor.accountId, params.id));
    if (params.id === actor.sessionId) this.cookie.clear(response);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated({ allowPasswordChangeScope: true })
  @ApiOperation({
    summary: 'Change the password',
    description:
      'Ends every other session of the account and mails a notice. A session opened with a temporary password ' +
      '(password_change_required) becomes a normal one.',
  })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'INVALID_CREDENTIALS (wrong current password)',
  })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'CSRF_REJECTED' })
  async changePassword(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: ChangePasswordRequestDto,
  ): Promise<void> {
    await this.commands.execute(
      new ChangePasswordCommand(actor, body.currentPassword, body.newPassword),
    );
  }

  private answer(outcome: LoginOutcome, response: Response): LoginResponseDto {
    switch (outcome.status) {
      case 'authenticated':
      case 'password_change_required': {
        const { session } = outcome;
        this.cookie.set(response, session.sessionToken, session.expiresAt);
        return {
          status: outcome.status,
          sessionToken: session.sessionToken,
          expiresAt: session.expiresAt.toISOString(),
          ...(outcome.status === 'authenticated' && outcome.renewalRequired
            ? { renewalRequired: true }
            : {}),
          ...(outcome.recoveryCodes ? { recoveryCodes: outcome.recoveryCodes } : {}),
        };
      }
      case 'two_factor_required':
        return {
          status: outcome.status,
          challengeToken: outcome.challengeToken,
          expiresAt: outcome.expiresAt.toISOString(),
        };
      case 'two_factor_enrollment_required':
        return {
          status: outcome.status,
          challengeToken: outcome.challengeToken,
          expiresAt: outcome.expiresAt.toISOString(),
          ...outcome.enrollment,
        };
    }
  }
}

function ApiResponseLocked(): MethodDecorator {
  return ApiResponse({
    status: 423,
    type: ErrorResponseDto,
    description: 'ACCOUNT_LOCKED (two-factor lock)',
  });
}

function ApiResponseForeignOrigin(): MethodDecorator {
  return ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'CSRF_REJECTED (sent from a page of another origin)',
  });
}

import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentActor,
  ErrorResponseDto,
  RequestContext,
  RequireRoles,
  StaffActionWithReasonDto,
} from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import {
  AccountNotFoundError,
  FindAccountForLoginQuery,
  IssueTemporaryPasswordCommand,
} from '../../accounts/public-api';
import type { AccountForLogin } from '../../accounts/public-api';
import { LiftLoginCooldownCommand } from '../application/commands/lift-login-cooldown/lift-login-cooldown.command';
import { RevokeSessionsCommand } from '../application/commands/revoke-sessions/revoke-sessions.command';

export class LoginCooldownLiftedDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'False when no failure counted and no cool-down ran' })
  lifted!: boolean;
}

export class SessionsEndedDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ description: 'How many live sessions were ended' }) ended!: number;
}

export class PasswordReissuedDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the mailed temporary password expires' })
  expiresAt!: string;
}

/**
 * Support's actions on an account's login (ADR 0080). Each needs `{ reason }` (and may name the
 * `supportRequestId` it answers); both are recorded with the events in the audit trail, the staff
 * member as their actor.
 */
@ApiTags('support')
@Controller('admin/accounts/:userId')
@RequireRoles('support', 'admin')
@ApiParam({ name: 'userId', description: 'The user ID (exact, case-sensitive)' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
@ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (no reason)' })
export class StaffAccountActionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  @Post('login-cooldown/lift')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Lift the password cool-down: the customer may try again at once',
    description: 'Consecutive wrong passwords no longer count. The two-factor lock is separate.',
  })
  @ApiOkResponse({ type: LoginCooldownLiftedDto })
  async liftCooldown(
    @CurrentActor() staff: AuthenticatedActor,
    @Param('userId') userId: string,
    @Body() action: StaffActionWithReasonDto,
  ): Promise<LoginCooldownLiftedDto> {
    const account = await this.account(userId, action);
    const { lifted } = await this.commands.execute(
      new LiftLoginCooldownCommand(
        { accountId: account.accountId, userId: account.userId },
        staff.accountId,
      ),
    );
    return { userId: account.userId, lifted };
  }

  @Post('sessions/end')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'End every live session of the account (e.g. a stolen device)' })
  @ApiOkResponse({ type: SessionsEndedDto })
  async endSessions(
    @Param('userId') userId: string,
    @Body() action: StaffActionWithReasonDto,
  ): Promise<SessionsEndedDto> {
    const account = await this.account(userId, action);
    const ended = await this.commands.execute(
      new RevokeSessionsCommand(account.accountId, { reason: 'staff_action' }),
    );
    return { userId: account.userId, ended };
  }

  @Post('password-reissue')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mail a temporary password to the registered address',
    description:
      'As the self-service re-issue: valid 30 minutes, single use, the current password keeps working. ' +
      'The answer never contains the temporary password.',
  })
  @ApiOkResponse({ type: PasswordReissuedDto })
  async reissuePassword(
    @Param('userId') userId: string,
    @Body() action: StaffActionWithReasonDto,
  ): Promise<PasswordReissuedDto> {
    const account = await this.account(userId, action);
    const { expiresAt } = await this.commands.execute(
      new IssueTemporaryPasswordCommand({
        accountId: account.accountId,
        userId: account.userId,
        email: account.email,
        language: account.language,
        reason: 'reissue',
      }),
    );
    return { userId: account.userId, expiresAt: expiresAt.toISOString() };
  }

  private async account(
    userId: string,
    action: StaffActionWithReasonDto,
  ): Promise<AccountForLogin> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!account || account.status === 'withdrawn') throw new AccountNotFoundError();
    this.context.noteStaffAction(action);
    return account;
  }
}

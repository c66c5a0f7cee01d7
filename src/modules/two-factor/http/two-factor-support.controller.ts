import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RequestContext, RequireRoles, StaffActionDto } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { ResetTwoFactorCommand } from '../application/commands/reset-two-factor/reset-two-factor.command';
import { UnlockTwoFactorCommand } from '../application/commands/unlock-two-factor/unlock-two-factor.command';
import { GetTwoFactorStatusQuery } from '../application/queries/get-two-factor-status/get-two-factor-status.query';
import { TwoFactorStatusDto } from './two-factor.dto';

/**
 * Both actions are audited with the staff member as the actor of their events, and with the
 * optional `{ reason, supportRequestId }` of the body (ADR 0080).
 */
@ApiTags('support')
@Controller('admin/accounts/:userId')
@RequireRoles('support', 'admin')
@ApiParam({ name: 'userId', description: 'The user ID (exact, case-sensitive)' })
export class TwoFactorSupportController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  @Post('unlock')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift a two-factor lock (user asked through the contact form)' })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  async unlock(
    @CurrentActor() staff: AuthenticatedActor,
    @Param('userId') userId: string,
    @Body() action: StaffActionDto,
  ): Promise<TwoFactorStatusDto> {
    this.context.noteStaffAction(action);
    const { accountId } = await this.commands.execute(
      new UnlockTwoFactorCommand(userId, staff.accountId),
    );
    return this.queries.execute(new GetTwoFactorStatusQuery(accountId));
  }

  @Post('two-factor/reset')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reset two-factor after a phone change',
    description:
      'Deletes the secret and recovery codes, lifts a lock, revokes sessions; the next login shows a new QR code.',
  })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  async reset(
    @CurrentActor() staff: AuthenticatedActor,
    @Param('userId') userId: string,
    @Body() action: StaffActionDto,
  ): Promise<TwoFactorStatusDto> {
    this.context.noteStaffAction(action);
    const { accountId } = await this.commands.execute(
      new ResetTwoFactorCommand(userId, staff.accountId),
    );
    return this.queries.execute(new GetTwoFactorStatusQuery(accountId));
  }
}

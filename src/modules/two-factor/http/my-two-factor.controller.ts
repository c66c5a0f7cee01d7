import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { DisableTwoFactorCommand } from '../application/commands/disable-two-factor/disable-two-factor.command';
import { EnableTwoFactorCommand } from '../application/commands/enable-two-factor/enable-two-factor.command';
import { RegenerateRecoveryCodesCommand } from '../application/commands/regenerate-recovery-codes/regenerate-recovery-codes.command';
import { GetTwoFactorStatusQuery } from '../application/queries/get-two-factor-status/get-two-factor-status.query';
import {
  ChangeTwoFactorDto,
  RecoveryCodesDto,
  RegenerateRecoveryCodesDto,
  TwoFactorStatusDto,
} from './two-factor.dto';

@ApiTags('my-page')
@Controller('me/two-factor')
@Authenticated()
export class MyTwoFactorController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Two-factor state of the logged-in account' })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  status(@CurrentActor() actor: AuthenticatedActor): Promise<TwoFactorStatusDto> {
    return this.queries.execute(new GetTwoFactorStatusQuery(actor.accountId));
  }

  @Put()
  @ApiOperation({
    summary: 'Switch two-factor on (password) or off (password and a current code)',
    description:
      'On: the next login shows a QR code to register in Google or Microsoft Authenticator. ' +
      'Off is refused with 409 TWO_FACTOR_REQUIRED_BY_GROUP when a group administrator requires it, ' +
      'and with 403 TWO_FACTOR_REQUIRED_FOR_STAFF for staff accounts.',
  })
  @ApiOkResponse({ type: TwoFactorStatusDto })
  async change(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: ChangeTwoFactorDto,
  ): Promise<TwoFactorStatusDto> {
    await this.commands.execute(
      body.enabled
        ? new EnableTwoFactorCommand(actor.accountId, body.password)
        : new DisableTwoFactorCommand(
            actor.accountId,
            body.password,
            body.code,
            actor.roles.length > 0,
          ),
    );
    return this.queries.execute(new GetTwoFactorStatusQuery(actor.accountId));
  }

  @Post('recovery-codes')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace the recovery codes (password and a current code)' })
  @ApiOkResponse({ type: RecoveryCodesDto })
  async regenerate(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: RegenerateRecoveryCodesDto,
  ): Promise<RecoveryCodesDto> {
    const recoveryCodes = await this.commands.execute(
      new RegenerateRecoveryCodesCommand(actor.accountId, body.password, body.code),
    );
    return { recoveryCodes };
  }
}

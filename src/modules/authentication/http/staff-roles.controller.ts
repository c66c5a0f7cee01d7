import { Controller, Delete, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, ErrorResponseDto, RequireRoles } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { AccountNotFoundError, FindAccountForLoginQuery } from '../../accounts/public-api';
import { GrantStaffRoleCommand } from '../application/commands/grant-staff-role/grant-staff-role.command';
import { RevokeStaffRoleCommand } from '../application/commands/revoke-staff-role/revoke-staff-role.command';
import { GetStaffRolesQuery } from '../application/queries/get-staff-roles/get-staff-roles.query';
import { StaffRoleParamsDto, StaffRolesDto } from './staff-roles.dto';

@ApiTags('support')
@Controller('admin/accounts/:userId/roles')
@RequireRoles('admin')
export class StaffRolesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':role')
  @ApiOperation({
    summary: 'Grant a staff role (admin only)',
    description:
      "The account's sessions end when it becomes staff: staff log in with two-factor authentication.",
  })
  @ApiOkResponse({ type: StaffRolesDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  async grant(
    @Param() params: StaffRoleParamsDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<StaffRolesDto> {
    const accountId = await this.activeAccount(params.userId);
    await this.commands.execute(new GrantStaffRoleCommand(accountId, params.role, actor.accountId));
    return {
      userId: params.userId,
      roles: await this.queries.execute(new GetStaffRolesQuery(accountId)),
    };
  }

  @Delete(':role')
  @ApiOperation({ summary: 'Revoke a staff role (admin only)' })
  @ApiOkResponse({ type: StaffRolesDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAST_ADMIN_ROLE' })
  async revoke(
    @Param() params: StaffRoleParamsDto,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<StaffRolesDto> {
    const accountId = await this.activeAccount(params.userId);
    await this.commands.execute(
      new RevokeStaffRoleCommand(accountId, params.role, actor.accountId),
    );
    return {
      userId: params.userId,
      roles: await this.queries.execute(new GetStaffRolesQuery(accountId)),
    };
  }

  private async activeAccount(userId: string): Promise<string> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!account || account.status === 'withdrawn') throw new AccountNotFoundError();
    return account.accountId;
  }
}

import { Controller, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, ErrorResponseDto, RequireRoles } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { MoveAdministratorRoleCommand } from '../application/commands/move-administrator-role/move-administrator-role.command';
import { GetGroupQuery } from '../application/queries/get-group/get-group.query';
import { GroupDto } from './groups.dto';

@ApiTags('support: groups')
@Controller('admin/groups/:id')
@RequireRoles('support', 'admin')
@ApiParam({ name: 'id', format: 'uuid' })
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
@ApiNotFoundResponse({ type: ErrorResponseDto, description: 'GROUP_NOT_FOUND, MEMBER_NOT_FOUND' })
export class AdminGroupsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'A group with its members' })
  @ApiOkResponse({ type: GroupDto })
  read(@Param('id') id: string): Promise<GroupDto> {
    return this.queries.execute(new GetGroupQuery(id));
  }

  @Put('administrators/:userId')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move the administrator role to a member',
    description:
      'For when the administrators have left: the member becomes the only administrator.',
  })
  @ApiParam({ name: 'userId' })
  @ApiOkResponse({ type: GroupDto })
  async moveAdministratorRole(
    @CurrentActor() staff: AuthenticatedActor,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<GroupDto> {
    await this.commands.execute(new MoveAdministratorRoleCommand(id, userId, staff.accountId));
    return this.queries.execute(new GetGroupQuery(id));
  }
}

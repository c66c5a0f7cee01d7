import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, ErrorResponseDto } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { AppointAdministratorCommand } from '../application/commands/appoint-administrator/appoint-administrator.command';
import { ChangeMemberProfileCommand } from '../application/commands/change-member-profile/change-member-profile.command';
import { RegisterMemberCommand } from '../application/commands/register-member/register-member.command';
import { SetMemberTwoFactorRequirementCommand } from '../application/commands/set-member-two-factor-requirement/set-member-two-factor-requirement.command';
import { StepDownCommand } from '../application/commands/step-down/step-down.command';
import { WithdrawMemberCommand } from '../application/commands/withdraw-member/withdraw-member.command';
import { ListMembersQuery } from '../application/queries/list-members/list-members.query';
import {
  ChangeMemberDto,
  GroupDto,
  RegisteredMemberDto,
  RegisterMemberDto,
  TwoFactorRequirementDto,
} from './groups.dto';

/** The member-management screen: every action applies to the caller's own group only. */
@ApiTags('group administrator')
@Controller('groups/mine')
@Authenticated()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'NOT_GROUP_ADMINISTRATOR' })
export class GroupMembersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('members')
  @ApiOperation({
    summary: 'List the members of your group with their status and two-factor state',
  })
  @ApiOkResponse({ type: GroupDto })
  list(@CurrentActor() actor: AuthenticatedActor): Promise<GroupDto> {
    return this.queries.execute(new ListMembersQuery(actor.accountId));
  }

  @Post('members')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Register a member',
    description: 'The member is mailed the user ID and a temporary password.',
  })
  @ApiCreatedResponse({ type: RegisteredMemberDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'USER_ID_INVALID, EMAIL_INVALID, PROFILE_INVALID, VALIDATION_FAILED',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'USER_ID_TAKEN' })
  async register(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: RegisterMemberDto,
  ): Promise<RegisteredMemberDto> {
    const { userId } = await this.commands.execute(
      new RegisterMemberCommand(actor.accountId, body),
    );
    return { userId };
  }

  @Patch('members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Change a member's profile (the member is mailed)" })
  @ApiParam({ name: 'userId' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'PROFILE_INVALID, VALIDATION_FAILED',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'MEMBER_NOT_FOUND' })
  async change(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('userId') userId: string,
    @Body() body: ChangeMemberDto,
  ): Promise<void> {
    await this.commands.execute(new ChangeMemberProfileCommand(actor.accountId, userId, body));
  }

  @Delete('members/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Withdraw a member at once (the administrator answers for the member)',
    description:
      'The account is withdrawn and anonymised immediately, its sessions and two-factor secret are ' +
      'erased and it leaves the group; the ID stays reserved. The member is mailed.',
  })
  @ApiParam({ name: 'userId' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'MEMBER_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      "CANNOT_WITHDRAW_SELF, LAST_ADMIN_ROLE (the member is the service's last administrator)",
  })
  async withdraw(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('userId') userId: string,
  ): Promise<void> {
    await this.commands.execute(new WithdrawMemberCommand(actor.accountId, userId));
  }

  @Put('members/:userId/two-factor')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Switch two-factor on for a member, or lift the requirement',
    description:
      '`{required:true}`: the member enrolls at the next login and cannot switch it off. `false` lifts the requirement only.',
  })
  @ApiParam({ name: 'userId' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'MEMBER_NOT_FOUND' })
  async requireTwoFactor(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('userId') userId: string,
    @Body() body: TwoFactorRequirementDto,
  ): Promise<void> {
    await this.commands.execute(
      new SetMemberTwoFactorRequirementCommand(actor.accountId, userId, body.required),
    );
  }

  @Put('members/:userId/administrator')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Make a member an administrator of your group' })
  @ApiParam({ name: 'userId' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'MEMBER_NOT_FOUND' })
  async appoint(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('userId') userId: string,
  ): Promise<void> {
    await this.commands.execute(new AppointAdministratorCommand(actor.accountId, userId));
  }

  @Delete('administrator')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Step down as administrator (another administrator must remain)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'LAST_ADMINISTRATOR' })
  async stepDown(@CurrentActor() actor: AuthenticatedActor): Promise<void> {
    await this.commands.execute(new StepDownCommand(actor.accountId));
  }
}

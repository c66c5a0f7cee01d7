import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { AppointAdministratorHandler } from './application/commands/appoint-administrator/appoint-administrator.handler';
import { ChangeMemberProfileHandler } from './application/commands/change-member-profile/change-member-profile.handler';
import { WithdrawMemberHandler } from './application/commands/withdraw-member/withdraw-member.handler';
import { CreateGroupHandler } from './application/commands/create-group/create-group.handler';
import { MoveAdministratorRoleHandler } from './application/commands/move-administrator-role/move-administrator-role.handler';
import { RegisterMemberHandler } from './application/commands/register-member/register-member.handler';
import { RemoveWithdrawnMemberHandler } from './application/commands/remove-withdrawn-member/remove-withdrawn-member.handler';
import { SetMemberTwoFactorRequirementHandler } from './application/commands/set-member-two-factor-requirement/set-member-two-factor-requirement.handler';
import { StepDownHandler } from './application/commands/step-down/step-down.handler';
import { CreateGroupOnGroupAccountRegisteredHandler } from './application/event-handlers/create-group-on-group-account-registered.handler';
import { RemoveMembershipOnAccountWithdrawnHandler } from './application/event-handlers/remove-membership-on-account-withdrawn.handler';
import { MemberDirectory } from './application/member-directory';
import { GetGroupHandler } from './application/queries/get-group/get-group.handler';
import { GroupReader } from './application/queries/group-reader';
import { ListMembersHandler } from './application/queries/list-members/list-members.handler';
import { Group, Membership } from './domain/group.entity';
import { AdminGroupsController } from './http/admin-groups.controller';
import { GroupMembersController } from './http/group-members.controller';
import {
  GetMembershipHandler,
  ListGroupMemberIdsHandler,
} from './application/queries/get-membership/get-membership.handler';
import { GroupsReadModel } from './infrastructure/groups.read-model';
import { GroupsRepository } from './infrastructure/groups.repository';
import { MailModule } from '../mail/public-api';
import { GROUPS_MAIL_TEMPLATES } from './groups.mail-templates';

@Module({
  imports: [
    MikroOrmModule.forFeature([Group, Membership]),
    MailModule.forTemplates(GROUPS_MAIL_TEMPLATES),
  ],
  controllers: [GroupMembersController, AdminGroupsController],
  providers: [
    GroupsRepository,
    GroupsReadModel,
    MemberDirectory,
    GroupReader,
    CreateGroupHandler,
    RegisterMemberHandler,
    ChangeMemberProfileHandler,
    WithdrawMemberHandler,
    SetMemberTwoFactorRequirementHandler,
    AppointAdministratorHandler,
    StepDownHandler,
    MoveAdministratorRoleHandler,
    RemoveWithdrawnMemberHandler,
    ListMembersHandler,
    GetMembershipHandler,
    ListGroupMemberIdsHandler,
    GetGroupHandler,
    CreateGroupOnGroupAccountRegisteredHandler,
    RemoveMembershipOnAccountWithdrawnHandler,
  ],
})
export class GroupsModule {}

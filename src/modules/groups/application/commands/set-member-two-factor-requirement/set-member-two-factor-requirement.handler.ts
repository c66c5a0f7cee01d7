import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { RequireTwoFactorForMemberCommand } from '../../../../two-factor/public-api';
import { GroupNotFoundError } from '../../../domain/groups.errors';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { MemberDirectory } from '../../member-directory';
import { SetMemberTwoFactorRequirementCommand } from './set-member-two-factor-requirement.command';

/** The two-factor context keeps the state and mails the member; the group records who decided. */
@CommandHandler(SetMemberTwoFactorRequirementCommand)
export class SetMemberTwoFactorRequirementHandler
  implements ICommandHandler<SetMemberTwoFactorRequirementCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
    private readonly directory: MemberDirectory,
    private readonly commands: CommandBus,
  ) {}

  async execute({
    administratorAccountId,
    memberUserId,
    required,
  }: SetMemberTwoFactorRequirementCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const administrator = await this.directory.administrator(em, administratorAccountId);
      const member = await this.directory.member(em, administrator.groupId, memberUserId);
      const group = await this.groups.find(em, administrator.groupId);
      if (!group) throw new GroupNotFoundError();
      await this.commands.execute(
        new RequireTwoFactorForMemberCommand(
          member.membership.accountId,
          required,
          administratorAccountId,
        ),
      );
      group.recordTwoFactorRequirementBy(member, administratorAccountId, required);
    });
  }
}

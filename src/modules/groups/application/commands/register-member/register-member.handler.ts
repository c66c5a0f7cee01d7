import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { RegisterAccountWithAssignedIdCommand } from '../../../../accounts/public-api';
import { MemberDirectory } from '../../member-directory';
import { RegisterMemberCommand } from './register-member.command';

/**
 * The account (with its temporary password mail) and the membership are written in one
 * transaction: a member never exists without a group, nor a membership without an account.
 */
@CommandHandler(RegisterMemberCommand)
export class RegisterMemberHandler implements ICommandHandler<RegisterMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: MemberDirectory,
    private readonly commands: CommandBus,
  ) {}

  execute({
    administratorAccountId,
    member,
  }: RegisterMemberCommand): Promise<{ accountId: string; userId: string }> {
    return this.transactions.run(async (em) => {
      const group = await this.directory.lockGroupAdministeredBy(em, administratorAccountId);
      const registered = await this.commands.execute(
        new RegisterAccountWithAssignedIdCommand({
          type: 'group',
          email: member.email,
          language: member.language,
          userId: member.userId,
          profile: { ...member.profile, groupName: group.name },
          registeredBy: 'group_admin',
          groupId: group.id,
        }),
      );
      group.registerMember(registered, administratorAccountId);
      return registered;
    });
  }
}

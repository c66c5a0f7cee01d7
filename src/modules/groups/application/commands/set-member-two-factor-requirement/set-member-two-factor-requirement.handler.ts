import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { RequireTwoFactorForMemberCommand } from '../../../../two-factor/public-api';
import { MemberDirectory } from '../../member-directory';
import { SetMemberTwoFactorRequirementCommand } from './set-member-two-factor-requirement.command';

/** The two-factor context keeps the state and mails the member; the group records who decided. */
@CommandHandler(SetMemberTwoFactorRequirementCommand)
export class SetMemberTwoFactorRequirementHandler
  implements ICommandHandler<SetMemberTwoFactorRequirementCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: MemberDirectory,
    private readonly commands: CommandBus,
  ) {}

  async execute({
    administratorAccountId,
    memberUserId,
    required,
  }: SetMemberTwoFactorRequirementCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const group = await this.directory.lockGroupAdministeredBy(em, administratorAccountId);
      const member = await this.directory.member(memberUserId);
      group.recordTwoFactorRequirementBy(member, administratorAccountId, required);
      await this.commands.execute(
        new RequireTwoFactorForMemberCommand(member.accountId, required, administratorAccountId),
      );
    });
  }
}

import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { WithdrawGroupMemberCommand } from '../../../../accounts/public-api';
import { MemberDirectory } from '../../member-directory';
import { WithdrawMemberCommand } from './withdraw-member.command';

/**
 * Accounts withdraws the member (erasing its personal data, in this same transaction); the
 * membership itself goes when this context receives `AccountWithdrawn`, the same path
 * as a withdrawal completed by support.
 */
@CommandHandler(WithdrawMemberCommand)
export class WithdrawMemberHandler implements ICommandHandler<WithdrawMemberCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: MemberDirectory,
    private readonly commands: CommandBus,
  ) {}

  async execute({ administratorAccountId, memberUserId }: WithdrawMemberCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const group = await this.directory.lockGroupAdministeredBy(em, administratorAccountId);
      const member = await this.directory.member(memberUserId);
      group.recordWithdrawalBy(member, administratorAccountId);
      await this.commands.execute(new WithdrawGroupMemberCommand(member.accountId));
    });
  }
}

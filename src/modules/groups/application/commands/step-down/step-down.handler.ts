import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { MemberDirectory } from '../../member-directory';
import { StepDownCommand } from './step-down.command';

@CommandHandler(StepDownCommand)
export class StepDownHandler implements ICommandHandler<StepDownCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: MemberDirectory,
  ) {}

  async execute({ administratorAccountId }: StepDownCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const group = await this.directory.lockGroupAdministeredBy(em, administratorAccountId);
      group.stepDown({
        accountId: administratorAccountId,
        userId: await this.directory.userIdOf(administratorAccountId),
      });
    });
  }
}

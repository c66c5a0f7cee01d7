import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { GroupNotFoundError } from '../../../domain/groups.errors';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { MemberDirectory } from '../../member-directory';
import { StepDownCommand } from './step-down.command';

@CommandHandler(StepDownCommand)
export class StepDownHandler implements ICommandHandler<StepDownCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
    private readonly directory: MemberDirectory,
  ) {}

  async execute({ administratorAccountId }: StepDownCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const { groupId } = await this.directory.administrator(em, administratorAccountId);
      const group = await this.groups.lock(em, groupId);
      if (!group) throw new GroupNotFoundError();
      // Read only after the lock: two administrators stepping down at once must not both count
      // the other one as the administrator who stays.
      const membership = await this.directory.administrator(em, administratorAccountId);
      const administrators = await this.groups.administratorsOf(em, groupId);
      group.stepDown(await this.directory.memberByAccountId(membership), administrators.length);
    });
  }
}

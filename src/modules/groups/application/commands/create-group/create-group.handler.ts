import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { GroupCreated } from '../../../domain/groups.events';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { CreateGroupCommand } from './create-group.command';

@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
  ) {}

  async execute({ registrantAccountId, name }: CreateGroupCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const created = await this.groups.createOnce(em, {
        id: registrantAccountId,
        name,
        administratorAccountId: registrantAccountId,
      });
      if (created) {
        this.transactions.publish(
          em,
          new GroupCreated({
            groupId: registrantAccountId,
            name,
            administratorAccountId: registrantAccountId,
          }),
        );
      }
    });
  }
}

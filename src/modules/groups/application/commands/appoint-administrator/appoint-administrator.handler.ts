import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { GroupNotFoundError } from '../../../domain/groups.errors';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { MemberDirectory } from '../../member-directory';
import { AppointAdministratorCommand } from './appoint-administrator.command';

@CommandHandler(AppointAdministratorCommand)
export class AppointAdministratorHandler implements ICommandHandler<AppointAdministratorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
    private readonly directory: MemberDirectory,
  ) {}

  async execute({
    administratorAccountId,
    memberUserId,
  }: AppointAdministratorCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const { groupId } = await this.directory.administrator(em, administratorAccountId);
      const group = await this.groups.lock(em, groupId);
      if (!group) throw new GroupNotFoundError();
      // Checked again under the lock: the caller may have stepped down meanwhile.
      await this.directory.administrator(em, administratorAccountId);
      const member = await this.directory.member(em, groupId, memberUserId);
      group.appointAdministrator(member, administratorAccountId);
    });
  }
}

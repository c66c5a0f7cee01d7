import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { MemberDirectory } from '../../member-directory';
import { AppointAdministratorCommand } from './appoint-administrator.command';

@CommandHandler(AppointAdministratorCommand)
export class AppointAdministratorHandler implements ICommandHandler<AppointAdministratorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly directory: MemberDirectory,
  ) {}

  async execute({
    administratorAccountId,
    memberUserId,
  }: AppointAdministratorCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const group = await this.directory.lockGroupAdministeredBy(em, administratorAccountId);
      group.appointAdministrator(await this.directory.member(memberUserId), administratorAccountId);
    });
  }
}

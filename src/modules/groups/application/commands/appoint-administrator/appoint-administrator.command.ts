import { Command } from '@nestjs/cqrs';

export class AppointAdministratorCommand extends Command<void> {
  constructor(
    readonly administratorAccountId: string,
    readonly memberUserId: string,
  ) {
    super();
  }
}

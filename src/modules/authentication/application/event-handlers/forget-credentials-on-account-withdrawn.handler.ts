import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { AccountWithdrawn } from '../../../accounts/public-api';
import { ForgetWithdrawnAccountCommand } from '../commands/forget-withdrawn-account/forget-withdrawn-account.command';

@Injectable()
@HandlesEvents(AccountWithdrawn.TYPE)
export class ForgetCredentialsOnAccountWithdrawnHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: DeliveredEvent<{ accountId?: string }>): Promise<void> {
    const accountId = event.payload.accountId ?? event.subjectAccountId;
    if (accountId) await this.commands.execute(new ForgetWithdrawnAccountCommand(accountId));
  }
}

import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { AccountWithdrawn } from '../../../accounts/public-api';
import { EraseTwoFactorCommand } from '../commands/erase-two-factor/erase-two-factor.command';

@Injectable()
@HandlesEvents(AccountWithdrawn.TYPE)
export class EraseTwoFactorOnAccountWithdrawnHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: DeliveredEvent<{ accountId: string }>): Promise<void> {
    await this.commands.execute(new EraseTwoFactorCommand(event.payload.accountId));
  }
}

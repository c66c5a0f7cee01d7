import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { AccountRegistered } from '../../../accounts/public-api';
import type { AccountRegisteredPayload } from '../../../accounts/public-api';
import { CreateGroupCommand } from '../commands/create-group/create-group.command';

/** Only a self-registered group account founds a group; members are registered into one. */
@Injectable()
@HandlesEvents(AccountRegistered.TYPE)
export class CreateGroupOnGroupAccountRegisteredHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle({ payload }: DeliveredEvent<AccountRegisteredPayload>): Promise<void> {
    if (payload.type !== 'group' || payload.registeredBy !== 'self' || !payload.groupName) return;
    await this.commands.execute(new CreateGroupCommand(payload.accountId, payload.groupName));
  }
}

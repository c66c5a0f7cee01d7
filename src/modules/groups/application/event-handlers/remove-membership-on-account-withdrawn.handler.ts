import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { AccountWithdrawn } from '../../../accounts/public-api';
import type { AccountWithdrawnPayload } from '../../../accounts/public-api';
import { RemoveWithdrawnMemberCommand } from '../commands/remove-withdrawn-member/remove-withdrawn-member.command';

@Injectable()
@HandlesEvents(AccountWithdrawn.TYPE)
export class RemoveMembershipOnAccountWithdrawnHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle({ payload }: DeliveredEvent<AccountWithdrawnPayload>): Promise<void> {
    await this.commands.execute(
      new RemoveWithdrawnMemberCommand(payload.accountId, payload.userId),
    );
  }
}

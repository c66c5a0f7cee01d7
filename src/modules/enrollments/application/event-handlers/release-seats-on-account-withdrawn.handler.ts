import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { AccountWithdrawn } from '../../../accounts/public-api';
import type { AccountWithdrawnPayload } from '../../../accounts/public-api';
import { ReleaseWithdrawnAccountCommand } from '../commands/release-withdrawn-account/release-withdrawn-account.command';

/** Live seats cancelled without a mail, personal data erased, certificates kept (ADR 0091). */
@Injectable()
@HandlesEvents(AccountWithdrawn.TYPE)
export class ReleaseSeatsOnAccountWithdrawnHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle({ payload }: DeliveredEvent<AccountWithdrawnPayload>): Promise<void> {
    await this.commands.execute(new ReleaseWithdrawnAccountCommand(payload.accountId));
  }
}

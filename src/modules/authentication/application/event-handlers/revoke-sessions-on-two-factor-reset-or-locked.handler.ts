import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { TWO_FACTOR_EVENTS } from '../../../two-factor/public-api';
import { RevokeSessionsCommand } from '../commands/revoke-sessions/revoke-sessions.command';

/** A reset (lost device) or a lock (guessed codes) means the sessions may be in the wrong hands. */
@Injectable()
@HandlesEvents(TWO_FACTOR_EVENTS.reset, TWO_FACTOR_EVENTS.locked)
export class RevokeSessionsOnTwoFactorResetOrLockedHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: DeliveredEvent<{ accountId?: string }>): Promise<void> {
    const accountId = event.payload.accountId ?? event.subjectAccountId;
    if (!accountId) return;
    const reason =
      event.type === TWO_FACTOR_EVENTS.reset ? 'two_factor_reset' : 'two_factor_locked';
    await this.commands.execute(new RevokeSessionsCommand(accountId, { reason }));
  }
}

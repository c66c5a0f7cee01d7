import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { TwoFactorLocked, TwoFactorReset } from '../../../two-factor/public-api';
import { RevokeSessionsCommand } from '../commands/revoke-sessions/revoke-sessions.command';

/** A reset (lost device) or a lock (guessed codes) means the sessions may be in the wrong hands. */
@Injectable()
@HandlesEvents(TwoFactorReset.TYPE, TwoFactorLocked.TYPE)
export class RevokeSessionsOnTwoFactorResetOrLockedHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle(event: DeliveredEvent<{ accountId?: string }>): Promise<void> {
    const accountId = event.payload.accountId ?? event.subjectAccountId;
    if (!accountId) return;
    const reason = event.type === TwoFactorReset.TYPE ? 'two_factor_reset' : 'two_factor_locked';
    await this.commands.execute(new RevokeSessionsCommand(accountId, { reason }));
  }
}

import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { aDeliveredEvent, recordingCommandBus } from '@test/support/builders/platform-doubles';
import { TwoFactorLocked, TwoFactorReset } from '../../../two-factor/public-api';
import { RevokeSessionsCommand } from '../commands/revoke-sessions/revoke-sessions.command';
import { RevokeSessionsOnTwoFactorResetOrLockedHandler } from './revoke-sessions-on-two-factor-reset-or-locked.handler';

function deliver(type: string, payload: { accountId?: string }) {
  const commands = recordingCommandBus();
  const handled = new RevokeSessionsOnTwoFactorResetOrLockedHandler(commands).handle(
    aDeliveredEvent(type, payload),
  );
  return { commands, handled };
}

describe('RevokeSessionsOnTwoFactorResetOrLockedHandler', () => {
  it.each([
    [TwoFactorReset.TYPE, 'two_factor_reset'],
    [TwoFactorLocked.TYPE, 'two_factor_locked'],
  ] as const)('ends every session after %s, giving the reason %s', async (type, reason) => {
    const { commands, handled } = deliver(type, { accountId: ACCOUNT_ID });

    await handled;

    expect(commands.sent).toEqual([new RevokeSessionsCommand(ACCOUNT_ID, { reason })]);
  });

  it('does nothing for an event that names no account', async () => {
    const { commands, handled } = deliver(TwoFactorLocked.TYPE, {});

    await handled;

    expect(commands.sent).toEqual([]);
  });
});

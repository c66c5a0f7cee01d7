import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { aDeliveredEvent, recordingCommandBus } from '@test/support/builders/platform-doubles';
import { EraseTwoFactorCommand } from '../commands/erase-two-factor/erase-two-factor.command';
import { EraseTwoFactorOnAccountWithdrawnHandler } from './erase-two-factor-on-account-withdrawn.handler';

describe('EraseTwoFactorOnAccountWithdrawnHandler', () => {
  it('erases the two-factor data of the withdrawn account', async () => {
    const commands = recordingCommandBus();

    await new EraseTwoFactorOnAccountWithdrawnHandler(commands).handle(
      aDeliveredEvent('accounts.account-withdrawn', { accountId: ACCOUNT_ID }, ACCOUNT_ID),
    );

    expect(commands.sent).toEqual([new EraseTwoFactorCommand(ACCOUNT_ID)]);
  });
});

import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { aDeliveredEvent, recordingCommandBus } from '@test/support/builders/platform-doubles';
import { ForgetWithdrawnAccountCommand } from '../commands/forget-withdrawn-account/forget-withdrawn-account.command';
import { ForgetCredentialsOnAccountWithdrawnHandler } from './forget-credentials-on-account-withdrawn.handler';

describe('ForgetCredentialsOnAccountWithdrawnHandler', () => {
  it.each([
    ['the payload', { accountId: ACCOUNT_ID }, null],
    ['the subject', {}, ACCOUNT_ID],
  ])('forgets the withdrawn account named by %s', async (_, payload, subject) => {
    const commands = recordingCommandBus();

    await new ForgetCredentialsOnAccountWithdrawnHandler(commands).handle(
      aDeliveredEvent('accounts.account-withdrawn', payload, subject),
    );

    expect(commands.sent).toEqual([new ForgetWithdrawnAccountCommand(ACCOUNT_ID)]);
  });
});

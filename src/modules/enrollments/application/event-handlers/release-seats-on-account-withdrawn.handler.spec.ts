import { aDeliveredEvent, recordingCommandBus } from '@test/support/builders/platform-doubles';
import { AccountWithdrawn } from '../../../accounts/public-api';
import { ReleaseWithdrawnAccountCommand } from '../commands/release-withdrawn-account/release-withdrawn-account.command';
import { ReleaseSeatsOnAccountWithdrawnHandler } from './release-seats-on-account-withdrawn.handler';

const ACCOUNT_ID = '0190a3c4-0000-7000-8000-00000000d001';

describe('ReleaseSeatsOnAccountWithdrawnHandler', () => {
  it('releases the seats and erases the personal data of the withdrawn account', async () => {
    const commands = recordingCommandBus();

    await new ReleaseSeatsOnAccountWithdrawnHandler(commands).handle(
      aDeliveredEvent(
        AccountWithdrawn.TYPE,
        { accountId: ACCOUNT_ID, userId: 'gone0001', language: 'ja' },
        ACCOUNT_ID,
      ),
    );

    expect(commands.sent).toEqual([new ReleaseWithdrawnAccountCommand(ACCOUNT_ID)]);
  });
});

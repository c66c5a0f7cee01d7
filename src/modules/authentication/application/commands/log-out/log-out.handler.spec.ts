import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { LogOutCommand } from './log-out.command';
import { LogOutHandler } from './log-out.handler';

function logOut(endedCount: number) {
  const em = entityManagerHolding();
  em.nativeUpdate.mockResolvedValueOnce(endedCount);
  const transactions = immediateTransactions(em);
  const run = () =>
    new LogOutHandler(transactions).execute(new LogOutCommand(ACCOUNT_ID, 'session-1'));
  return { run, transactions };
}

describe('LogOutHandler', () => {
  it('ends the session and publishes LoggedOut', async () => {
    const { run, transactions } = logOut(1);

    await run();

    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'authentication.logged-out',
        payload: { accountId: ACCOUNT_ID, sessionId: 'session-1' },
      }),
    ]);
  });

  it('publishes nothing when the session had already ended', async () => {
    const { run, transactions } = logOut(0);

    await expect(run()).resolves.toBeUndefined();
    expect(transactions.published).toEqual([]);
  });
});

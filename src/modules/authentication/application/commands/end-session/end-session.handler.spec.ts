import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { EndSessionCommand } from './end-session.command';
import { EndSessionHandler } from './end-session.handler';

function endSession(endedRows: { id: string }[]) {
  const em = entityManagerHolding();
  em.execute.mockResolvedValueOnce(endedRows);
  const transactions = immediateTransactions(em);
  const run = () =>
    new EndSessionHandler(transactions).execute(new EndSessionCommand(ACCOUNT_ID, 'session-2'));
  return { run, transactions };
}

describe('EndSessionHandler', () => {
  it('ends a live session of the owner and publishes SessionsRevoked', async () => {
    const { run, transactions } = endSession([{ id: 'session-2' }]);

    await run();

    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'authentication.sessions-revoked',
        payload: { accountId: ACCOUNT_ID, sessionIds: ['session-2'], reason: 'user_request' },
      }),
    ]);
  });

  it('answers SESSION_NOT_FOUND for a session that is not a live one of the owner', async () => {
    const { run, transactions } = endSession([]);

    await expect(run()).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect(transactions.published).toEqual([]);
  });
});

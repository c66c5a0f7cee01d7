import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { RevokeSessionsCommand } from './revoke-sessions.command';
import { RevokeSessionsHandler } from './revoke-sessions.handler';

function revokeSessions(endedRows: { id: string }[]) {
  const em = entityManagerHolding();
  em.execute.mockResolvedValueOnce(endedRows);
  const transactions = immediateTransactions(em);
  const run = () =>
    new RevokeSessionsHandler(transactions).execute(
      new RevokeSessionsCommand(ACCOUNT_ID, { reason: 'two_factor_reset' }),
    );
  return { run, transactions };
}

describe('RevokeSessionsHandler', () => {
  it('answers how many sessions it ended and publishes one SessionsRevoked for them', async () => {
    const { run, transactions } = revokeSessions([{ id: 'session-1' }, { id: 'session-2' }]);

    await expect(run()).resolves.toBe(2);
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'authentication.sessions-revoked',
        payload: {
          accountId: ACCOUNT_ID,
          sessionIds: ['session-1', 'session-2'],
          reason: 'two_factor_reset',
        },
      }),
    ]);
  });

  it('records nothing on a repeat that ends no session', async () => {
    const { run, transactions } = revokeSessions([]);

    await expect(run()).resolves.toBe(0);
    expect(transactions.published).toEqual([]);
  });
});

import {
  ACCOUNT_ID,
  aSession,
  sessionRepository,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import type { Session } from '../../../domain/session.entity';
import { LogOutCommand } from './log-out.command';
import { LogOutHandler } from './log-out.handler';

function logOut(session: Session) {
  const em = entityManagerHolding(session);
  const transactions = immediateTransactions(em);
  const run = () =>
    new LogOutHandler(transactions, sessionRepository()).execute(
      new LogOutCommand(ACCOUNT_ID, session.id),
    );
  return { run, transactions };
}

describe('LogOutHandler', () => {
  it('ends the session, which records LoggedOut', async () => {
    const session = aSession();
    const { run, transactions } = logOut(session);

    await run();

    expect(session).toMatchObject({ revokedReason: 'logged_out', revokedAt: expect.any(Date) });
    expect(session.peekEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.logged-out',
        payload: { accountId: ACCOUNT_ID, sessionId: session.id },
      }),
    ]);
    expect(transactions.published).toEqual([]);
  });

  it('records nothing when the session had already ended', async () => {
    const session = aSession();
    session.end('two_factor_reset', new Date());
    const { run } = logOut(session);

    await expect(run()).resolves.toBeUndefined();
    expect(session.revokedReason).toBe('two_factor_reset');
    expect(session.peekEvents()).toEqual([]);
  });
});

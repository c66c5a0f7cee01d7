import {
  ACCOUNT_ID,
  aSession,
  sessionRepository,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import type { Session } from '../../../domain/session.entity';
import { EndSessionCommand } from './end-session.command';
import { EndSessionHandler } from './end-session.handler';

function endSession(sessionId: string, ...held: Session[]) {
  const em = entityManagerHolding(...held);
  const transactions = immediateTransactions(em);
  const sessions = sessionRepository();
  const run = () =>
    new EndSessionHandler(transactions, sessions).execute(
      new EndSessionCommand(ACCOUNT_ID, sessionId),
    );
  return { run, transactions, sessions };
}

describe('EndSessionHandler', () => {
  it('ends a live session of the owner and records SessionsRevoked', async () => {
    const session = aSession();
    const { run, transactions, sessions } = endSession(session.id, session, aSession('full', 9));

    await run();

    expect(session.revokedReason).toBe('user_request');
    expect(sessions.revocations()).toEqual([
      expect.objectContaining({
        type: 'authentication.sessions-revoked',
        payload: { accountId: ACCOUNT_ID, sessionIds: [session.id], reason: 'user_request' },
      }),
    ]);
    expect(transactions.published).toEqual([]);
  });

  it('answers SESSION_NOT_FOUND for a session that is not a live one of the owner', async () => {
    const someoneElses = Object.assign(aSession(), { accountId: 'another-account' });
    const { run, sessions } = endSession(someoneElses.id, someoneElses);

    await expect(run()).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    expect(someoneElses.revokedAt).toBeNull();
    expect(sessions.revocations()).toEqual([]);
  });
});

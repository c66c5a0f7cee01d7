import {
  ACCOUNT_ID,
  aSession,
  sessionRepository,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import type { Session } from '../../../domain/session.entity';
import { RevokeSessionsCommand } from './revoke-sessions.command';
import { RevokeSessionsHandler } from './revoke-sessions.handler';

function revokeSessions(...held: Session[]) {
  const em = entityManagerHolding(...held);
  const sessions = sessionRepository();
  const handler = new RevokeSessionsHandler(immediateTransactions(em), sessions);
  const run = () =>
    handler.execute(new RevokeSessionsCommand(ACCOUNT_ID, { reason: 'two_factor_reset' }));
  return { run, sessions };
}

describe('RevokeSessionsHandler', () => {
  it('answers how many sessions it ended and records one SessionsRevoked for them', async () => {
    const [first, second] = [aSession('full', 5), aSession('password_change', 9)];
    const { run, sessions } = revokeSessions(first, second);

    await expect(run()).resolves.toBe(2);
    expect([first.revokedReason, second.revokedReason]).toEqual([
      'two_factor_reset',
      'two_factor_reset',
    ]);
    expect(sessions.revocations()).toEqual([
      expect.objectContaining({
        type: 'authentication.sessions-revoked',
        payload: {
          accountId: ACCOUNT_ID,
          sessionIds: [first.id, second.id],
          reason: 'two_factor_reset',
        },
      }),
    ]);
  });

  it('records nothing on a repeat that ends no session', async () => {
    const { run, sessions } = revokeSessions();

    await expect(run()).resolves.toBe(0);
    expect(sessions.revocations()).toEqual([]);
  });
});

import {
  ACCOUNT_ID,
  aCredential,
  authenticationSettings,
  CredentialRepository,
  sessionRepository,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { requestContext } from '@test/support/builders/platform-doubles';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import type { Session, SessionLogin } from '../../../domain/session.entity';
import { hashSessionToken } from '../../../domain/session-token';
import { StartSessionCommand } from './start-session.command';
import { StartSessionHandler } from './start-session.handler';

function startSession(...held: object[]) {
  const em = entityManagerHolding(...held);
  const handler = new StartSessionHandler(
    immediateTransactions(em),
    new CredentialRepository(),
    sessionRepository(),
    authenticationSettings(),
    requestContext({ clientIp: '198.51.100.7' }),
  );
  const run = (login?: SessionLogin) =>
    handler.execute(new StartSessionCommand(ACCOUNT_ID, { scope: 'full', login }));
  return { em, run };
}

describe('StartSessionHandler', () => {
  it('stores a session that only knows the hash of the token it hands out', async () => {
    const { em, run } = startSession(aCredential().withPassword().build());

    const started = await run();

    const [session] = em.persisted as Session[];
    expect(session).toMatchObject({
      id: started.sessionId,
      accountId: ACCOUNT_ID,
      userId: USER_ID,
      scope: 'full',
      clientIp: '198.51.100.7',
      tokenHash: hashSessionToken(started.sessionToken),
      expiresAt: started.expiresAt,
    });
    expect(session.tokenHash).not.toBe(started.sessionToken);
    expect(session.peekEvents()).toEqual([]);
  });

  it('records LoginSucceeded for a session that a login opens', async () => {
    const { em, run } = startSession(aCredential().withPassword().build());

    const started = await run({ method: 'password', renewalRequired: true });

    const [session] = em.persisted as Session[];
    expect(session.peekEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.login-succeeded',
        payload: {
          accountId: ACCOUNT_ID,
          userId: USER_ID,
          sessionId: started.sessionId,
          scope: 'full',
          method: 'password',
          renewalRequired: true,
        },
      }),
    ]);
  });

  it('reads no credential when the caller knows the user ID (the code step read it)', async () => {
    const { em } = startSession();
    const credentials = new CredentialRepository();
    const find = jest.spyOn(credentials, 'find');
    const handler = new StartSessionHandler(
      immediateTransactions(em),
      credentials,
      sessionRepository(),
      authenticationSettings(),
      requestContext({ clientIp: '198.51.100.7' }),
    );

    await handler.execute(new StartSessionCommand(ACCOUNT_ID, { scope: 'full', userId: USER_ID }));

    expect(find).not.toHaveBeenCalled();
    expect(em.persisted).toEqual([
      expect.objectContaining({ accountId: ACCOUNT_ID, userId: USER_ID }),
    ]);
  });

  it('answers ACCOUNT_NOT_FOUND for an account without a credential', async () => {
    const { em, run } = startSession();

    await expect(run()).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    expect(em.persisted).toEqual([]);
  });
});

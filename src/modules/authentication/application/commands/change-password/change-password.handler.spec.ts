import { GetAccountQuery } from '../../../../accounts/public-api';
import {
  ACCOUNT_ID,
  aCredential,
  anAccountForLogin,
  authenticationReadModel,
  authenticationSettings,
  CredentialRepository,
  loginAttempts,
  PASSWORD,
  passwordPolicy,
  sessionRepository,
  TEMPORARY_PASSWORD,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import {
  answeringQueryBus,
  fakeHasher,
  hashOf,
  recordingCommandBus,
} from '@test/support/builders/platform-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import type { Credential } from '../../../domain/credential.entity';
import type { SessionScope } from '../../../domain/session.entity';
import { Session } from '../../../domain/session.entity';
import { PasswordCheck } from '../../password-check';
import { RevokeSessionsCommand } from '../revoke-sessions/revoke-sessions.command';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

const NEW_PASSWORD = 'Momiji2025y';

function changePassword(credential: Credential, scope: SessionScope = 'full') {
  const em = entityManagerHolding(credential);
  const transactions = immediateTransactions(em);
  const commands = recordingCommandBus();
  const attempts = loginAttempts();
  const hasher = fakeHasher();
  const handler = new ChangePasswordHandler(
    transactions,
    new CredentialRepository(),
    sessionRepository(),
    authenticationReadModel(em),
    commands,
    answeringQueryBus([GetAccountQuery, anAccountForLogin()]),
    passwordPolicy(),
    hasher,
    new PasswordCheck(hasher),
    attempts,
    authenticationSettings(),
  );
  const actor = { accountId: ACCOUNT_ID, userId: USER_ID, sessionId: 'session-1', scope };
  const run = (current: string, next = NEW_PASSWORD) =>
    handler.execute(new ChangePasswordCommand(actor, current, next));
  return { run, em, transactions, commands, attempts };
}

describe('ChangePasswordHandler', () => {
  it('replaces the password and ends the other sessions', async () => {
    const credential = aCredential().withPassword().build();
    const { run, commands, attempts } = changePassword(credential);

    await run(PASSWORD);

    expect(credential.passwordHash).toBe(hashOf(NEW_PASSWORD));
    expect(credential.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'authentication.password-changed',
        payload: expect.objectContaining({ email: 'taro@example.jp', language: 'ja' }),
      }),
    ]);
    expect(commands.sent).toEqual([
      new RevokeSessionsCommand(ACCOUNT_ID, {
        exceptSessionId: 'session-1',
        reason: 'password_changed',
      }),
    ]);
    expect(attempts.settleSuccess).toHaveBeenCalledWith(expect.anything(), USER_ID);
  });

  it('accepts the used temporary password from a restricted session and lifts the restriction', async () => {
    const credential = aCredential().withPassword().withUsedTemporaryPassword().build();
    const { run, em } = changePassword(credential, 'password_change');

    await run(TEMPORARY_PASSWORD);

    expect(credential.passwordHash).toBe(hashOf(NEW_PASSWORD));
    expect(credential.usedTemporaryPasswordHash).toBeNull();
    expect(em.nativeUpdate).toHaveBeenCalledWith(Session, { id: 'session-1' }, { scope: 'full' });
  });

  it('refuses a wrong current password with INVALID_CREDENTIALS, counting the failure', async () => {
    const credential = aCredential().withPassword().build();
    const { run, transactions, commands, attempts } = changePassword(credential);

    await expect(run('Wrong2024x')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(typesOf(attempts.throttle.peekEvents())).toEqual([
      'authentication.password-change-rejected',
    ]);
    expect(transactions.published).toEqual([]);
    expect(attempts.settleRejectedPasswordChange).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ userId: USER_ID, accountId: ACCOUNT_ID }),
    );
    expect(credential.passwordHash).toBe(hashOf(PASSWORD));
    expect(commands.sent).toEqual([]);
  });

  it('refuses a new password that breaks the policy before reserving an attempt', async () => {
    const { run, attempts } = changePassword(aCredential().withPassword().build());

    await expect(run(PASSWORD, USER_ID)).rejects.toMatchObject({
      code: 'PASSWORD_POLICY_VIOLATION',
    });
    expect(attempts.reserve).not.toHaveBeenCalled();
  });

  it('lets one of two parallel changes win, without counting the loser as a guess', async () => {
    const { run, em, transactions, attempts } = changePassword(
      aCredential().withPassword().build(),
    );
    const changedMeanwhile = aCredential().withPassword('Kaede2025z').build();
    em.findOneOrFail.mockResolvedValueOnce(changedMeanwhile);

    await expect(run(PASSWORD)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(transactions.commits).toBe(1);
    expect(typesOf(changedMeanwhile.peekEvents())).toEqual([
      'authentication.password-change-rejected',
    ]);
    expect(attempts.settleSuccess).toHaveBeenCalled();
    expect(attempts.settleRejectedPasswordChange).not.toHaveBeenCalled();
    expect(changedMeanwhile.passwordHash).toBe(hashOf('Kaede2025z'));
  });
});

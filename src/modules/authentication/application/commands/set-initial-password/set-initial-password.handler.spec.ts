import { SetInitialPasswordCommand } from '../../../../accounts/public-api';
import {
  ACCOUNT_ID,
  aCredential,
  CredentialRepository,
  PASSWORD,
  passwordPolicy,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { fakeHasher, hashOf } from '@test/support/builders/platform-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import type { Credential } from '../../../domain/credential.entity';
import { SetInitialPasswordHandler } from './set-initial-password.handler';

function setInitialPassword(...held: Credential[]) {
  const em = entityManagerHolding(...held);
  const handler = new SetInitialPasswordHandler(
    immediateTransactions(em),
    new CredentialRepository(),
    passwordPolicy(),
    fakeHasher(),
  );
  const run = (password = PASSWORD) =>
    handler.execute(new SetInitialPasswordCommand(ACCOUNT_ID, USER_ID, password));
  return { run, em };
}

describe('SetInitialPasswordHandler', () => {
  it('registers the credential with the hash of the password and records PasswordSet', async () => {
    const { run, em } = setInitialPassword();

    await run();

    const [credential] = em.persisted as Credential[];
    expect(credential).toMatchObject({ accountId: ACCOUNT_ID, userId: USER_ID });
    expect(credential.passwordHash).toBe(hashOf(PASSWORD));
    expect(typesOf(credential.pullEvents())).toEqual(['authentication.password-set']);
  });

  it('sets the password on a credential that already exists', async () => {
    const existing = aCredential().withTemporaryPassword().build();
    const { run, em } = setInitialPassword(existing);

    await run();

    expect(em.persisted).toEqual([existing]);
    expect(existing.passwordHash).toBe(hashOf(PASSWORD));
  });

  it('refuses a password that breaks the policy with PASSWORD_POLICY_VIOLATION', async () => {
    const { run, em } = setInitialPassword();

    await expect(run('short')).rejects.toMatchObject({ code: 'PASSWORD_POLICY_VIOLATION' });
    expect(em.persisted).toEqual([]);
  });
});

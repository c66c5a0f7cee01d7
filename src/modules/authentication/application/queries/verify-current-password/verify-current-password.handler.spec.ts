import { VerifyCurrentPasswordQuery } from '../../../../accounts/public-api';
import {
  ACCOUNT_ID,
  aCredential,
  authenticationReadModel,
  authenticationSettings,
  PASSWORD,
  TEMPORARY_PASSWORD,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { fakeHasher } from '@test/support/builders/platform-doubles';
import type { Credential } from '../../../domain/credential.entity';
import { VerifyCurrentPasswordHandler } from './verify-current-password.handler';

function verify(password: string, ...held: Credential[]) {
  const hasher = fakeHasher();
  const handler = new VerifyCurrentPasswordHandler(
    authenticationReadModel(entityManagerHolding(...held)),
    hasher,
    authenticationSettings({ passwordMaxLength: 64 }),
  );
  return { hasher, answer: handler.execute(new VerifyCurrentPasswordQuery(ACCOUNT_ID, password)) };
}

describe('VerifyCurrentPasswordHandler', () => {
  it('answers true for the current password', async () => {
    await expect(verify(PASSWORD, aCredential().withPassword().build()).answer).resolves.toBe(true);
  });

  it('answers false for a temporary password, which never counts as the current one', async () => {
    const credential = aCredential().withPassword().withTemporaryPassword().build();

    await expect(verify(TEMPORARY_PASSWORD, credential).answer).resolves.toBe(false);
  });

  it('spends a dummy verification when the account has no password', async () => {
    const { answer, hasher } = verify(PASSWORD, aCredential().withTemporaryPassword().build());

    await expect(answer).resolves.toBe(false);
    expect(hasher.verifyNothing).toHaveBeenCalled();
  });

  it('answers false for an over-long password without hashing it', async () => {
    const { answer, hasher } = verify('x'.repeat(65), aCredential().withPassword().build());

    await expect(answer).resolves.toBe(false);
    expect(hasher.verify).not.toHaveBeenCalled();
  });
});

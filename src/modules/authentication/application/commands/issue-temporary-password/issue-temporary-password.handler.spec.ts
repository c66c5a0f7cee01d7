import { IssueTemporaryPasswordCommand } from '../../../../accounts/public-api';
import type { TemporaryPasswordReason } from '../../../../accounts/public-api';
import {
  ACCOUNT_ID,
  aCredential,
  authenticationSettings,
  CredentialRepository,
  passwordPolicy,
  USER_ID,
} from '@test/support/builders/authentication-doubles';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { fakeHasher, hashOf } from '@test/support/builders/platform-doubles';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import type { Credential } from '../../../domain/credential.entity';
import { IssueTemporaryPasswordHandler } from './issue-temporary-password.handler';

const HOUR = 3_600_000;

function issueTemporaryPassword(reason: TemporaryPasswordReason, ...held: Credential[]) {
  const em = entityManagerHolding(...held);
  const handler = new IssueTemporaryPasswordHandler(
    immediateTransactions(em),
    new CredentialRepository(),
    passwordPolicy(),
    fakeHasher(),
    authenticationSettings({ reissueTtlMs: HOUR, registrationTtlMs: 72 * HOUR }),
  );
  const input = {
    accountId: ACCOUNT_ID,
    userId: USER_ID,
    email: 'taro@example.jp',
    language: 'ja' as const,
    reason,
  };
  return { em, run: () => handler.execute(new IssueTemporaryPasswordCommand(input)) };
}

describe('IssueTemporaryPasswordHandler', () => {
  it('issues a re-issue password beside the current one, and records it for the mail', async () => {
    const credential = aCredential().withPassword().build();
    const { run } = issueTemporaryPassword('reissue', credential);

    const before = Date.now();
    const { expiresAt } = await run();

    expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + HOUR);
    expect(expiresAt.getTime()).toBeLessThan(before + 2 * HOUR);
    const [issued] = credential.pullEvents();
    expect(issued).toMatchObject({
      type: 'authentication.temporary-password-issued',
      payload: { reason: 'reissue', email: 'taro@example.jp', expiresAt: expiresAt.toISOString() },
    });
    const plain = issued.secrets?.temporaryPassword ?? '';
    expect(credential.temporaryPasswordHash).toBe(hashOf(plain));
    expect(credential.hasUsableTemporaryPassword(new Date())).toBe(true);
    expect(credential.passwordHash).not.toBeNull();
  });

  it('registers the credential of a staff-registered account, valid for the registration period', async () => {
    const { run, em } = issueTemporaryPassword('staff_registration');

    const { expiresAt } = await run();

    const [credential] = em.persisted as Credential[];
    expect(credential.passwordHash).toBeNull();
    expect(credential.temporaryPasswordExpiresAt).toEqual(expiresAt);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 71 * HOUR);
  });
});

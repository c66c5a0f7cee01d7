import { FindActiveAccountsByEmailQuery } from '../../../../accounts/public-api';
import type { AccountForLogin } from '../../../../accounts/public-api';
import { answeringQueryBus, fakeHasher, hashOf } from '@test/support/builders/platform-doubles';
import {
  accountsOfEmail,
  EMAIL,
  lookupPasswordsHolding,
  recoveryConfig,
  recoveryRateLimits,
} from '@test/support/builders/recovery-doubles';
import { immediateTransactions } from '@test/support/builders/transactions-double';
import { emailHash } from '../../../domain/recovery-secrets';
import { RequestLookupPasswordCommand } from './request-lookup-password.command';
import { RequestLookupPasswordHandler } from './request-lookup-password.handler';

function requestLookupPassword(accounts: AccountForLogin[], options: { refusedFor?: number } = {}) {
  const lookups = lookupPasswordsHolding();
  const transactions = immediateTransactions();
  const hasher = fakeHasher();
  const handler = new RequestLookupPasswordHandler(
    transactions,
    lookups,
    answeringQueryBus([FindActiveAccountsByEmailQuery, accounts]),
    hasher,
    recoveryRateLimits(transactions, options.refusedFor),
    recoveryConfig(),
  );
  const run = () => handler.execute(new RequestLookupPasswordCommand(EMAIL, '192.0.2.10'));
  /** The address's row, once the handler created it. */
  const row = () => lookups.held.find((lookup) => lookup.emailHash === emailHash(EMAIL));
  return { run, row, lookups, transactions, hasher };
}

describe('RequestLookupPasswordHandler', () => {
  it('issues a lookup password for an address with accounts, to be mailed', async () => {
    const { run, row, transactions } = requestLookupPassword(accountsOfEmail());

    await run();

    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'recovery.user-id-lookup-requested',
        payload: { emailHash: emailHash(EMAIL), matchingAccounts: 2 },
      }),
    ]);
    const [issued] = row()?.pullEvents() ?? [];
    expect(issued).toMatchObject({
      type: 'recovery.lookup-password-issued',
      payload: { email: EMAIL, accountIds: accountsOfEmail().map((a) => a.accountId) },
    });
    expect(row()?.passwordHash).toBe(hashOf(issued.secrets?.lookupPassword ?? ''));
  });

  it('records the request but issues nothing for an address without accounts, at the same cost', async () => {
    const { run, row, lookups, transactions, hasher } = requestLookupPassword([]);

    await run();

    expect(transactions.published[0].payload).toMatchObject({ matchingAccounts: 0 });
    expect(hasher.hash).toHaveBeenCalledTimes(1);
    expect(lookups.lockOrCreate).not.toHaveBeenCalled();
    expect(row()).toBeUndefined();
  });

  it('answers TOO_MANY_ATTEMPTS over a rate limit without hashing', async () => {
    const { run, transactions, hasher } = requestLookupPassword(accountsOfEmail(), {
      refusedFor: 60,
    });

    await expect(run()).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(transactions.published[0]).toMatchObject({
      type: 'recovery.rate-limited',
      payload: { flow: 'lookup_password_request', limits: ['client_ip', 'address'] },
    });
    expect(hasher.hash).not.toHaveBeenCalled();
  });
});

import { FindActiveAccountsByEmailQuery } from '../../../../accounts/public-api';
import { entityManagerHolding } from '@test/support/builders/entity-manager-double';
import { answeringQueryBus, fakeHasher } from '@test/support/builders/platform-doubles';
import {
  accountsOfEmail,
  aLookupPassword,
  EMAIL,
  LOOKUP_PASSWORD,
  lookupPasswordsHolding,
  MAX_LOOKUP_FAILURES,
  recoveryConfig,
  recoveryRateLimits,
} from '@test/support/builders/recovery-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import type { LookupPassword } from '../../../domain/lookup-password.entity';
import { LookUpUserIdsCommand } from './look-up-user-ids.command';
import { LookUpUserIdsHandler } from './look-up-user-ids.handler';

function lookUp(held: LookupPassword[], options: { refusedFor?: number } = {}) {
  const lookups = lookupPasswordsHolding(...held);
  const transactions = immediateTransactions();
  const hasher = fakeHasher();
  const handler = new LookUpUserIdsHandler(
    entityManagerHolding(),
    transactions,
    lookups,
    answeringQueryBus([FindActiveAccountsByEmailQuery, accountsOfEmail()]),
    hasher,
    recoveryRateLimits(transactions, options.refusedFor),
    recoveryConfig(),
  );
  const run = (password = LOOKUP_PASSWORD) =>
    handler.execute(new LookUpUserIdsCommand(EMAIL, password, '192.0.2.10'));
  return { run, lookups, transactions, hasher };
}

describe('LookUpUserIdsHandler', () => {
  it('answers the user IDs of the address once for the right lookup password', async () => {
    const lookup = aLookupPassword();
    const { run } = lookUp([lookup]);

    await expect(run()).resolves.toEqual({ userIds: ['Yamada01', 'Yamada02'] });
    expect(typesOf(lookup.pullEvents())).toEqual(['recovery.user-id-lookup-completed']);
    expect(lookup.usedAt).not.toBeNull();
  });

  it('commits a wrong lookup password as a failed attempt before answering INVALID_LOOKUP_PASSWORD', async () => {
    const lookup = aLookupPassword();
    const { run, transactions } = lookUp([lookup]);

    await expect(run('Wrong0000000')).rejects.toMatchObject({ code: 'INVALID_LOOKUP_PASSWORD' });
    expect(transactions.commits).toBe(1);
    expect(lookup.failedAttempts).toBe(1);
    expect(lookup.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'recovery.user-id-lookup-failed',
        payload: expect.objectContaining({ reason: 'wrong_password', failedAttempts: 1 }),
      }),
    ]);
  });

  it('refuses even the right password once it is voided by wrong ones', async () => {
    const lookup = aLookupPassword();
    const { run } = lookUp([lookup]);
    for (let i = 0; i < MAX_LOOKUP_FAILURES; i += 1)
      await expect(run('Wrong0000000')).rejects.toMatchObject({ code: 'INVALID_LOOKUP_PASSWORD' });

    await expect(run()).rejects.toMatchObject({ code: 'INVALID_LOOKUP_PASSWORD' });
    expect(lookup.pullEvents().at(-1)?.payload).toMatchObject({ reason: 'voided' });
  });

  it('answers INVALID_LOOKUP_PASSWORD for an address without one, after a dummy verification', async () => {
    const { run, transactions, hasher } = lookUp([]);

    await expect(run()).rejects.toMatchObject({ code: 'INVALID_LOOKUP_PASSWORD' });
    expect(hasher.verifyNothing).toHaveBeenCalled();
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'recovery.user-id-lookup-failed',
        payload: expect.objectContaining({ reason: 'no_lookup_password' }),
      }),
    ]);
  });

  it('does not redeem a password that a newer issue replaced while it was compared', async () => {
    const replaced = aLookupPassword();
    const current = aLookupPassword({ plain: 'Newer0000000' });
    const { run, lookups } = lookUp([current]);
    lookups.find.mockResolvedValueOnce(replaced);

    await expect(run()).rejects.toMatchObject({ code: 'INVALID_LOOKUP_PASSWORD' });
    expect(current.usedAt).toBeNull();
    expect(current.failedAttempts).toBe(1);
  });

  it('answers TOO_MANY_ATTEMPTS over a rate limit, recording which limit refused', async () => {
    const { run, lookups, transactions } = lookUp([aLookupPassword()], { refusedFor: 120 });

    await expect(run()).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'recovery.rate-limited',
        payload: expect.objectContaining({
          flow: 'user_id_lookup',
          limits: ['client_ip'],
          retryAfterSeconds: 120,
        }),
      }),
    ]);
    expect(lookups.find).not.toHaveBeenCalled();
    expect(lookups.lock).not.toHaveBeenCalled();
  });
});

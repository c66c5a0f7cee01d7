import type { QueryBus } from '@nestjs/cqrs';
import type { RateLimiter } from '@app/platform';
import type { AccountsSettings } from './accounts-settings';
import { VerifyCurrentPasswordQuery } from './ports/credentials.port';
import { CurrentPasswordCheck } from './current-password-check';

function setUp(verified: boolean) {
  const queries = { execute: jest.fn(() => Promise.resolve(verified)) };
  const rateLimiter = { enforce: jest.fn(() => Promise.resolve()) };
  const check = new CurrentPasswordCheck(
    queries as unknown as QueryBus,
    rateLimiter as unknown as RateLimiter,
    { ACCOUNT_PASSWORD_CHECKS_PER_HOUR: 10 } as AccountsSettings,
  );
  return { check, queries, rateLimiter };
}

describe('CurrentPasswordCheck', () => {
  it('asks authentication, counting the attempt against the per-account limit first', async () => {
    const { check, queries, rateLimiter } = setUp(true);
    await check.confirm('account-1', 'Sakura2024x');
    expect(rateLimiter.enforce).toHaveBeenCalledWith([
      { key: 'accounts:password-check:account-1', limit: 10, windowMs: 3_600_000 },
    ]);
    expect(queries.execute).toHaveBeenCalledWith(
      new VerifyCurrentPasswordQuery('account-1', 'Sakura2024x'),
    );
  });

  it('refuses a wrong password with CURRENT_PASSWORD_INCORRECT', async () => {
    await expect(setUp(false).check.confirm('account-1', 'wrong')).rejects.toMatchObject({
      code: 'CURRENT_PASSWORD_INCORRECT',
    });
  });

  it.each([undefined, ''])(
    'refuses a missing password (%p) with CURRENT_PASSWORD_REQUIRED without spending an attempt',
    async (password) => {
      const { check, rateLimiter } = setUp(true);
      await expect(check.confirm('account-1', password)).rejects.toMatchObject({
        code: 'CURRENT_PASSWORD_REQUIRED',
      });
      expect(rateLimiter.enforce).not.toHaveBeenCalled();
    },
  );
});

import { ACCOUNT_ID } from '@test/support/builders/authentication-doubles';
import { twoFactorWorld } from '@test/support/builders/two-factor-doubles';
import { EraseTwoFactorCommand } from './erase-two-factor.command';
import { EraseTwoFactorHandler } from './erase-two-factor.handler';

describe('EraseTwoFactorHandler', () => {
  it('erases everything two-factor holds about the account', async () => {
    const { transactions, repository } = twoFactorWorld();

    await new EraseTwoFactorHandler(transactions, repository).execute(
      new EraseTwoFactorCommand(ACCOUNT_ID),
    );

    expect(repository.erase).toHaveBeenCalledWith(expect.anything(), ACCOUNT_ID);
    expect(transactions.commits).toBe(1);
  });
});

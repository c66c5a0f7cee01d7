import {
  aRegisteredAccount,
  immediateTransactions,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import { CompleteWithdrawalCommand } from './complete-withdrawal.command';
import { CompleteWithdrawalHandler } from './complete-withdrawal.handler';

describe('CompleteWithdrawalHandler', () => {
  it('completes a requested withdrawal found by the ID in any case', async () => {
    const account = aRegisteredAccount();
    account.requestWithdrawal(null);
    account.pullEvents();
    const handler = new CompleteWithdrawalHandler(
      immediateTransactions(),
      repositoryHolding(account),
    );

    await expect(handler.execute(new CompleteWithdrawalCommand('YAMADA01'))).resolves.toEqual({
      accountId: account.id,
      userId: 'Yamada01',
    });
    expect(account.pullEvents().map((e) => e.type)).toEqual(['accounts.account-withdrawn']);
  });

  it('answers ACCOUNT_WITHDRAWN the second time, recording no second event', async () => {
    const account = aRegisteredAccount();
    account.requestWithdrawal(null);
    const handler = new CompleteWithdrawalHandler(
      immediateTransactions(),
      repositoryHolding(account),
    );
    await handler.execute(new CompleteWithdrawalCommand('Yamada01'));
    account.pullEvents();

    await expect(handler.execute(new CompleteWithdrawalCommand('Yamada01'))).rejects.toMatchObject({
      code: 'ACCOUNT_WITHDRAWN',
    });
    expect(account.pullEvents()).toEqual([]);
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown ID', async () => {
    const handler = new CompleteWithdrawalHandler(immediateTransactions(), repositoryHolding());
    await expect(handler.execute(new CompleteWithdrawalCommand('nobody00'))).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
  });
});

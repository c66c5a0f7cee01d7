import {
  aRegisteredAccount,
  immediateTransactions,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import type { CurrentPasswordCheck } from '../../current-password-check';
import { RequestWithdrawalCommand } from './request-withdrawal.command';
import { RequestWithdrawalHandler } from './request-withdrawal.handler';

describe('RequestWithdrawalHandler', () => {
  it('checks the current password, then records the request', async () => {
    const account = aRegisteredAccount();
    const password = { confirm: jest.fn(() => Promise.resolve()) };
    const handler = new RequestWithdrawalHandler(
      immediateTransactions(),
      repositoryHolding(account),
      password as unknown as CurrentPasswordCheck,
    );

    await handler.execute(new RequestWithdrawalCommand(account.id, 'Sakura2024x', '転居のため'));

    expect(password.confirm).toHaveBeenCalledWith(account.id, 'Sakura2024x');
    expect(account.status).toBe('withdrawal_requested');
    expect(account.pullEvents().map((e) => e.type)).toEqual(['accounts.withdrawal-requested']);
  });

  it('leaves the account untouched when the password is refused', async () => {
    const account = aRegisteredAccount();
    const password = {
      confirm: jest.fn(() =>
        Promise.reject(Object.assign(new Error('refused'), { code: 'CURRENT_PASSWORD_INCORRECT' })),
      ),
    };
    const accounts = repositoryHolding(account);
    const handler = new RequestWithdrawalHandler(
      immediateTransactions(),
      accounts,
      password as unknown as CurrentPasswordCheck,
    );

    await expect(
      handler.execute(new RequestWithdrawalCommand(account.id, 'wrong', null)),
    ).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT' });
    expect(accounts.lockById).not.toHaveBeenCalled();
    expect(account.status).toBe('active');
  });
});

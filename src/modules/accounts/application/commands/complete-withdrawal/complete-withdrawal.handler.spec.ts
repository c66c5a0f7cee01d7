import {
  aRegisteredAccount,
  immediateTransactions,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import { recordingCommandBus } from '@test/support/builders/platform-doubles';
import { ReleaseStaffRolesCommand } from '../../ports/staff-roles.port';
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
      recordingCommandBus(),
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
      recordingCommandBus(),
    );
    await handler.execute(new CompleteWithdrawalCommand('Yamada01'));
    account.pullEvents();

    await expect(handler.execute(new CompleteWithdrawalCommand('Yamada01'))).rejects.toMatchObject({
      code: 'ACCOUNT_WITHDRAWN',
    });
    expect(account.pullEvents()).toEqual([]);
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown ID', async () => {
    const handler = new CompleteWithdrawalHandler(
      immediateTransactions(),
      repositoryHolding(),
      recordingCommandBus(),
    );
    await expect(handler.execute(new CompleteWithdrawalCommand('nobody00'))).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
  });

  it('has the account give up its staff roles in the same transaction', async () => {
    const account = aRegisteredAccount();
    account.requestWithdrawal(null);
    const commands = recordingCommandBus();
    const handler = new CompleteWithdrawalHandler(
      immediateTransactions(),
      repositoryHolding(account),
      commands,
    );

    await handler.execute(new CompleteWithdrawalCommand('Yamada01'));

    expect(commands.sent).toEqual([new ReleaseStaffRolesCommand(account.id)]);
  });

  it("is refused with the roster's refusal (the last administrator stays)", async () => {
    const account = aRegisteredAccount();
    account.requestWithdrawal(null);
    const lastAdmin = Object.assign(new Error('last admin'), { code: 'LAST_ADMIN_ROLE' });
    const handler = new CompleteWithdrawalHandler(
      immediateTransactions(),
      repositoryHolding(account),
      recordingCommandBus([
        ReleaseStaffRolesCommand,
        () => {
          throw lastAdmin;
        },
      ]),
    );

    await expect(handler.execute(new CompleteWithdrawalCommand('Yamada01'))).rejects.toBe(
      lastAdmin,
    );
  });
});

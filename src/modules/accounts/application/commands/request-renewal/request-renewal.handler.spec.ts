import {
  aRegisteredAccount,
  immediateTransactions,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import { RequestRenewalCommand } from './request-renewal.command';
import { RequestRenewalHandler } from './request-renewal.handler';

describe('RequestRenewalHandler', () => {
  it('asks once: a second request changes nothing and records nothing', async () => {
    const account = aRegisteredAccount();
    const handler = new RequestRenewalHandler(immediateTransactions(), repositoryHolding(account));

    await expect(handler.execute(new RequestRenewalCommand('yamada01'))).resolves.toEqual({
      userId: 'Yamada01',
      newlyRequested: true,
    });
    await expect(handler.execute(new RequestRenewalCommand('Yamada01'))).resolves.toEqual({
      userId: 'Yamada01',
      newlyRequested: false,
    });
    expect(account.pullEvents().map((e) => e.type)).toEqual(['accounts.renewal-requested']);
  });

  it('answers ACCOUNT_NOT_FOUND for an unknown ID', async () => {
    const handler = new RequestRenewalHandler(immediateTransactions(), repositoryHolding());
    await expect(handler.execute(new RequestRenewalCommand('nobody00'))).rejects.toMatchObject({
      code: 'ACCOUNT_NOT_FOUND',
    });
  });
});

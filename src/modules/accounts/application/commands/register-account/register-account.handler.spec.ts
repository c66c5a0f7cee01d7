import { SetInitialPasswordCommand } from '../../ports/credentials.port';
import {
  immediateTransactions,
  recordingCommandBus,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import { RegisterAccountCommand } from './register-account.command';
import { RegisterAccountHandler } from './register-account.handler';

const registration = {
  type: 'corporate' as const,
  userId: 'Yamada01',
  password: 'Sakura2024x',
  email: 'taro@example.jp',
  profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', companyName: '株式会社サンプル' },
};

describe('RegisterAccountHandler', () => {
  it('adds the account, then sets its password inside the same transaction', async () => {
    const accounts = repositoryHolding();
    const commands = recordingCommandBus();
    const handler = new RegisterAccountHandler(immediateTransactions(), accounts, commands);

    const result = await handler.execute(new RegisterAccountCommand(registration));

    const added = accounts.addOrAbort.mock.calls[0][1];
    expect(result).toEqual({ accountId: added.id, userId: 'Yamada01', type: 'corporate' });
    expect(added.peekEvents().map((e) => e.type)).toEqual(['accounts.account-registered']);
    expect(added.language).toBe('ja');
    expect(commands.sent).toEqual([
      new SetInitialPasswordCommand(added.id, 'Yamada01', 'Sakura2024x'),
    ]);
  });

  it('answers USER_ID_TAKEN when the unique index refuses the ID, without setting a password', async () => {
    const accounts = repositoryHolding();
    accounts.addOrAbort.mockResolvedValueOnce('user_id_taken');
    const commands = recordingCommandBus();
    const handler = new RegisterAccountHandler(immediateTransactions(), accounts, commands);

    await expect(handler.execute(new RegisterAccountCommand(registration))).rejects.toMatchObject({
      code: 'USER_ID_TAKEN',
    });
    expect(commands.sent).toEqual([]);
  });

  it.each([
    [{ userId: 'ｙａｍａｄａ０１' }, 'USER_ID_INVALID'],
    [{ email: 'taro@' }, 'EMAIL_INVALID'],
    [{ profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ' } }, 'PROFILE_INVALID'],
  ])('refuses %j with %s before anything is written', async (change, code) => {
    const accounts = repositoryHolding();
    const commands = recordingCommandBus();
    const handler = new RegisterAccountHandler(immediateTransactions(), accounts, commands);

    await expect(
      handler.execute(new RegisterAccountCommand({ ...registration, ...change })),
    ).rejects.toMatchObject({ code });
    expect(accounts.addOrAbort).not.toHaveBeenCalled();
    expect(commands.sent).toEqual([]);
  });
});

import {
  aRegisteredAccount,
  immediateTransactions,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import type { CurrentPasswordCheck } from '../../current-password-check';
import { EditProfileCommand } from './edit-profile.command';
import { EditProfileHandler } from './edit-profile.handler';

function setUp(options: { passwordCheck?: () => Promise<void> } = {}) {
  const account = aRegisteredAccount({
    type: 'corporate',
    profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', companyName: 'A社' },
  });
  const password = { confirm: jest.fn(options.passwordCheck ?? (() => Promise.resolve())) };
  const handler = new EditProfileHandler(
    immediateTransactions(),
    repositoryHolding(account),
    password as unknown as CurrentPasswordCheck,
  );
  const events = () => account.pullEvents().map((e) => e.type);
  return { account, password, handler, events };
}

describe('EditProfileHandler', () => {
  it('changes the profile and the language without asking for the password', async () => {
    const { account, password, handler, events } = setUp();
    await handler.execute(
      new EditProfileCommand(account.id, { profile: { department: '人事部' }, language: 'en' }),
    );
    expect(events()).toEqual(['accounts.profile-changed']);
    expect(password.confirm).not.toHaveBeenCalled();
  });

  it('checks the current password before a new e-mail address and records the change', async () => {
    const { account, password, handler, events } = setUp();
    await handler.execute(
      new EditProfileCommand(account.id, { email: 'new@example.jp', password: 'Sakura2024x' }),
    );
    expect(password.confirm).toHaveBeenCalledWith(account.id, 'Sakura2024x');
    expect(events()).toEqual(['accounts.email-changed']);
  });

  it('changes nothing when the password check refuses', async () => {
    const { account, handler, events } = setUp({
      passwordCheck: () =>
        Promise.reject(Object.assign(new Error('refused'), { code: 'CURRENT_PASSWORD_INCORRECT' })),
    });
    await expect(
      handler.execute(
        new EditProfileCommand(account.id, {
          email: 'new@example.jp',
          profile: { name: '別人' },
          password: 'x',
        }),
      ),
    ).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT' });
    expect(account.email).toBe('taro@example.jp');
    expect(account.profile?.name).toBe('山田 太郎');
    expect(events()).toEqual([]);
  });

  it('does not ask for the password when the e-mail sent back is the registered one', async () => {
    const { account, password, handler } = setUp();
    await handler.execute(new EditProfileCommand(account.id, { email: 'taro@example.jp' }));
    expect(password.confirm).not.toHaveBeenCalled();
  });

  it.each([
    [{ type: 'individual' }, 'ACCOUNT_TYPE_IMMUTABLE'],
    [{ userId: 'Tanaka01' }, 'USER_ID_IMMUTABLE'],
  ])('refuses %j with %s and records nothing', async (change, code) => {
    const { account, handler, events } = setUp();
    await expect(
      handler.execute(
        new EditProfileCommand(account.id, { ...change, profile: { department: '人事部' } }),
      ),
    ).rejects.toMatchObject({ code });
    expect(events()).toEqual([]);
  });

  it('treats saving My Page as confirming a requested renewal', async () => {
    const { account, handler, events } = setUp();
    account.requestRenewal();
    account.pullEvents();
    await handler.execute(new EditProfileCommand(account.id, {}));
    expect(account.renewalRequired).toBe(false);
    expect(events()).toEqual(['accounts.renewal-completed']);
  });
});

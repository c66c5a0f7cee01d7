import { IssueTemporaryPasswordCommand } from '../../ports/credentials.port';
import {
  immediateTransactions,
  recordingCommandBus,
  repositoryHolding,
} from '@test/support/builders/accounts-doubles';
import { RegisterAccountWithAssignedIdCommand } from './register-account-with-assigned-id.command';
import {
  ASSIGNED_ID_ATTEMPTS,
  RegisterAccountWithAssignedIdHandler,
} from './register-account-with-assigned-id.handler';

const paperForm = {
  type: 'group' as const,
  email: 'kai@example.jp',
  language: 'en' as const,
  profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', groupName: '品質管理研究会' },
  registeredBy: 'staff' as const,
};

describe('RegisterAccountWithAssignedIdHandler', () => {
  it('assigns a random ID and issues a temporary password for a staff registration', async () => {
    const accounts = repositoryHolding();
    const commands = recordingCommandBus();
    const handler = new RegisterAccountWithAssignedIdHandler(
      immediateTransactions(),
      accounts,
      commands,
    );

    const result = await handler.execute(new RegisterAccountWithAssignedIdCommand(paperForm));

    const added = accounts.add.mock.calls[0][1];
    expect(result).toEqual({ accountId: added.id, userId: added.userId });
    expect(added.userId).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
    expect(added.peekEvents()[0].payload).toMatchObject({
      registeredBy: 'staff',
      type: 'group',
      groupName: '品質管理研究会',
    });
    expect(commands.sent).toEqual([
      new IssueTemporaryPasswordCommand({
        accountId: added.id,
        userId: added.userId,
        email: 'kai@example.jp',
        language: 'en',
        reason: 'staff_registration',
      }),
    ]);
  });

  it('draws a new ID when the unique index refuses one, with no availability pre-check', async () => {
    const accounts = repositoryHolding();
    accounts.add.mockResolvedValueOnce('user_id_taken').mockResolvedValueOnce('user_id_taken');
    const commands = recordingCommandBus();
    const handler = new RegisterAccountWithAssignedIdHandler(
      immediateTransactions(),
      accounts,
      commands,
    );

    const result = await handler.execute(new RegisterAccountWithAssignedIdCommand(paperForm));

    const tried = accounts.add.mock.calls.map(([, account]) => account.userId);
    expect(tried).toHaveLength(3);
    expect(new Set(tried).size).toBe(3);
    expect(result.userId).toBe(tried[2]);
    expect(commands.sent).toHaveLength(1);
  });

  it(`gives up after ${ASSIGNED_ID_ATTEMPTS} refused draws, issuing nothing`, async () => {
    const accounts = repositoryHolding();
    accounts.add.mockResolvedValue('user_id_taken');
    const commands = recordingCommandBus();
    const handler = new RegisterAccountWithAssignedIdHandler(
      immediateTransactions(),
      accounts,
      commands,
    );

    await expect(
      handler.execute(new RegisterAccountWithAssignedIdCommand(paperForm)),
    ).rejects.toThrow('no free user ID');
    expect(accounts.add).toHaveBeenCalledTimes(ASSIGNED_ID_ATTEMPTS);
    expect(commands.sent).toEqual([]);
  });

  it('keeps an ID chosen by a group administrator, refusing it with USER_ID_TAKEN instead of drawing another', async () => {
    const accounts = repositoryHolding();
    accounts.add.mockResolvedValueOnce('user_id_taken');
    const commands = recordingCommandBus();
    const handler = new RegisterAccountWithAssignedIdHandler(
      immediateTransactions(),
      accounts,
      commands,
    );
    const member = {
      ...paperForm,
      type: 'individual' as const,
      profile: { name: '佐藤', nameKana: 'サトウ' },
      userId: 'Sato0001',
      registeredBy: 'group_admin' as const,
      groupId: 'g-1',
    };

    await expect(
      handler.execute(new RegisterAccountWithAssignedIdCommand(member)),
    ).rejects.toMatchObject({ code: 'USER_ID_TAKEN' });
    expect(accounts.add).toHaveBeenCalledTimes(1);
    expect(commands.sent).toEqual([]);
  });

  it('records the group of a member registered by a group administrator and issues a group_registration password', async () => {
    const accounts = repositoryHolding();
    const commands = recordingCommandBus();
    const handler = new RegisterAccountWithAssignedIdHandler(
      immediateTransactions(),
      accounts,
      commands,
    );
    const member = {
      ...paperForm,
      type: 'individual' as const,
      profile: { name: '佐藤', nameKana: 'サトウ' },
      registeredBy: 'group_admin' as const,
      groupId: 'g-1',
    };

    await handler.execute(new RegisterAccountWithAssignedIdCommand(member));

    const added = accounts.add.mock.calls[0][1];
    expect(added.peekEvents()[0].payload).toMatchObject({
      registeredBy: 'group_admin',
      groupId: 'g-1',
    });
    expect(commands.sent).toEqual([
      expect.objectContaining({ input: expect.objectContaining({ reason: 'group_registration' }) }),
    ]);
  });
});

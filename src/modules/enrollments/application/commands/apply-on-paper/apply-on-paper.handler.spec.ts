import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { TransactionRunner } from '@app/platform';
import { answeringQueryBus } from '@test/support/builders/platform-doubles';
import {
  FindAccountForLoginQuery,
  RegisterAccountWithAssignedIdCommand,
} from '../../../../accounts/public-api';
import type { AccountForLogin } from '../../../../accounts/public-api';
import { SessionFullError } from '../../../domain/enrollments.errors';
import { ApplyForSeatsCommand } from '../apply-for-seats/apply-for-seats.command';
import { ApplyOnPaperCommand } from './apply-on-paper.command';
import { ApplyOnPaperHandler } from './apply-on-paper.handler';

const SESSION_ID = '0190a3c4-0000-7000-8000-00000000a001';
const EXISTING: AccountForLogin = {
  accountId: '0190a3c4-0000-7000-8000-00000000b001',
  userId: 'paper0001',
  type: 'corporate',
  status: 'active',
  email: 'paper0001@example.jp',
  language: 'ja',
  renewalRequired: false,
};
const REGISTERED = { accountId: '0190a3c4-0000-7000-8000-00000000b002', userId: 'k7m2p9x4qa' };
const APPLIED = { applicationId: '0190a3c4-0000-7000-8000-00000000c001', number: 'A-00000042' };
const NEW_CUSTOMER = {
  email: 'newcomer@example.jp',
  profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ' },
};

/** One transaction that "commits" unless the work throws; records whether each command ran in it. */
function oneTransaction() {
  let open = false;
  const state = {
    commits: 0,
    rollbacks: 0,
    sent: [] as Array<{ command: object; inside: boolean }>,
  };
  const transactions = {
    async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
      open = true;
      try {
        const value = await work({} as EntityManager);
        state.commits += 1;
        return value;
      } catch (error) {
        state.rollbacks += 1;
        throw error;
      } finally {
        open = false;
      }
    },
  } as unknown as TransactionRunner;
  const commands = (answer: (command: object) => Promise<unknown>) =>
    ({
      execute: jest.fn((command: object) => {
        state.sent.push({ command, inside: open });
        return answer(command);
      }),
    }) as unknown as CommandBus;
  return { state, transactions, commands };
}

const answering = (command: object): Promise<unknown> => {
  if (command instanceof RegisterAccountWithAssignedIdCommand) return Promise.resolve(REGISTERED);
  if (command instanceof ApplyForSeatsCommand) return Promise.resolve(APPLIED);
  return Promise.reject(new Error(`unexpected command ${command.constructor.name}`));
};

describe('ApplyOnPaperHandler', () => {
  const queries = (): QueryBus =>
    answeringQueryBus([
      FindAccountForLoginQuery,
      (query: FindAccountForLoginQuery) => (query.userId === EXISTING.userId ? EXISTING : null),
    ]);

  it('applies for an existing user ID on the paper channel, for the account itself by default', async () => {
    const { state, transactions, commands } = oneTransaction();
    const handler = new ApplyOnPaperHandler(transactions, commands(answering), queries());

    const result = await handler.execute(
      new ApplyOnPaperCommand(SESSION_ID, { userId: EXISTING.userId }, undefined),
    );

    expect(result).toEqual(APPLIED);
    expect(state.sent.map((s) => s.command)).toEqual([
      new ApplyForSeatsCommand(EXISTING.accountId, SESSION_ID, [{ kind: 'self' }], 'paper'),
    ]);
    expect(state.commits).toBe(1);
  });

  it('hands the attendees written on the form to the application', async () => {
    const { state, transactions, commands } = oneTransaction();
    const attendees = [
      {
        kind: 'staff' as const,
        name: '佐藤 一郎',
        nameKana: 'サトウ イチロウ',
        email: 'i@example.jp',
      },
    ];
    await new ApplyOnPaperHandler(transactions, commands(answering), queries()).execute(
      new ApplyOnPaperCommand(SESSION_ID, { userId: EXISTING.userId }, attendees),
    );
    expect(state.sent.map((s) => s.command)).toEqual([
      new ApplyForSeatsCommand(EXISTING.accountId, SESSION_ID, attendees, 'paper'),
    ]);
  });

  it('refuses an unknown user ID with ACCOUNT_NOT_FOUND and applies for nothing', async () => {
    const { state, transactions, commands } = oneTransaction();
    await expect(
      new ApplyOnPaperHandler(transactions, commands(answering), queries()).execute(
        new ApplyOnPaperCommand(SESSION_ID, { userId: 'nobody01' }, undefined),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    expect(state.sent).toEqual([]);
  });

  it('registers a new customer as an individual by staff and applies for them, both in its one transaction', async () => {
    const { state, transactions, commands } = oneTransaction();
    const result = await new ApplyOnPaperHandler(
      transactions,
      commands(answering),
      queries(),
    ).execute(new ApplyOnPaperCommand(SESSION_ID, { newCustomer: NEW_CUSTOMER }, undefined));

    expect(result).toEqual({ ...APPLIED, registeredUserId: REGISTERED.userId });
    expect(state.sent).toEqual([
      {
        command: new RegisterAccountWithAssignedIdCommand({
          type: 'individual',
          email: NEW_CUSTOMER.email,
          profile: NEW_CUSTOMER.profile,
          language: undefined,
          registeredBy: 'staff',
        }),
        inside: true,
      },
      {
        command: new ApplyForSeatsCommand(
          REGISTERED.accountId,
          SESSION_ID,
          [{ kind: 'self' }],
          'paper',
        ),
        inside: true,
      },
    ]);
    expect(state.commits).toBe(1);
  });

  it('rolls the registration back with the application when the application is refused', async () => {
    const { state, transactions, commands } = oneTransaction();
    const refusing = (command: object) =>
      command instanceof ApplyForSeatsCommand
        ? Promise.reject(new SessionFullError({ seatsLeft: 0 }))
        : answering(command);

    await expect(
      new ApplyOnPaperHandler(transactions, commands(refusing), queries()).execute(
        new ApplyOnPaperCommand(SESSION_ID, { newCustomer: NEW_CUSTOMER }, undefined),
      ),
    ).rejects.toMatchObject({ code: 'SESSION_FULL' });
    expect(state.sent.every((s) => s.inside)).toBe(true);
    expect(state.sent).toHaveLength(2);
    expect(state).toMatchObject({ commits: 0, rollbacks: 1 });
  });
});

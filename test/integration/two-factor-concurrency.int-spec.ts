import { EntityManager } from '@mikro-orm/postgresql';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { getQueueToken } from '@nestjs/bull';
import { DOMAIN_EVENTS_QUEUE, OutboxMessage, TransactionRunner } from '@app/platform';
import type { Queue } from 'bull';
import { AccountWithdrawn } from '../../src/modules/accounts/public-api';
import { AuthenticationModule } from '../../src/modules/authentication/authentication.module';
import { EraseTwoFactorCommand } from '../../src/modules/two-factor/application/commands/erase-two-factor/erase-two-factor.command';
import { EnableTwoFactorCommand } from '../../src/modules/two-factor/application/commands/enable-two-factor/enable-two-factor.command';
import { RegenerateRecoveryCodesCommand } from '../../src/modules/two-factor/application/commands/regenerate-recovery-codes/regenerate-recovery-codes.command';
import {
  CompleteTwoFactorChallengeCommand,
  GetSecondFactorRequirementQuery,
  GetTwoFactorStatusQuery,
} from '../../src/modules/two-factor/public-api';
import { aRegisteredAccount, outboxEvents } from '@test/support/builders/accounts';
import type { RegisteredAccount } from '@test/support/builders/accounts';
import {
  aWrongCode,
  enrollTwoFactor,
  startChallenge,
  TwoFactorTestClock,
} from '@test/support/builders/two-factor';
import type { EnrolledAccount } from '@test/support/builders/two-factor';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';
import type { TestApp } from '@test/support/test-app';

const MAX_FAILURES = 5;

/** Each settled promise as 'ok' or the domain error code it was rejected with. */
async function outcomes(promises: Promise<unknown>[]): Promise<string[]> {
  const settled = await Promise.allSettled(promises);
  return settled.map((s) =>
    s.status === 'fulfilled' ? 'ok' : ((s.reason as { code?: string }).code ?? String(s.reason)),
  );
}

const count = (values: string[], value: string) => values.filter((v) => v === value).length;

describe('two-factor rules under concurrency (real PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpCapture;
  let t: TestApp;
  let clock: TwoFactorTestClock;
  let commands: CommandBus;

  beforeAll(async () => {
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: { SMTP_URL: smtp.url, TWO_FACTOR_MAX_FAILURES: String(MAX_FAILURES) },
      imports: [AuthenticationModule],
    });
    clock = new TwoFactorTestClock(t);
    commands = t.app.get(CommandBus);
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  async function enrolledAccount(): Promise<RegisteredAccount & EnrolledAccount> {
    const account = await aRegisteredAccount(t).register();
    return { ...account, ...(await enrollTwoFactor(t, clock, account)) };
  }

  const failedVerifications = async (accountId: string) =>
    (await outboxEvents(t, 'two-factor.verification-failed', accountId)).map(
      (e) => e.payload.reason,
    );

  it('accepts one TOTP code exactly once when 20 requests race with it', async () => {
    const raceApp = await createTestApp({
      env: { TWO_FACTOR_MAX_FAILURES: '100' },
      imports: [AuthenticationModule],
    });
    try {
      const raceClock = new TwoFactorTestClock(raceApp);
      const account = await aRegisteredAccount(raceApp).register();
      const { secret } = await enrollTwoFactor(raceApp, raceClock, account);
      const code = raceClock.codeFor(secret);
      const bus = raceApp.app.get(CommandBus);

      const results = await outcomes(
        Array.from({ length: 20 }, () =>
          bus.execute(
            new RegenerateRecoveryCodesCommand(account.accountId, account.password, code),
          ),
        ),
      );

      expect(count(results, 'ok')).toBe(1);
      expect(count(results, 'INVALID_TWO_FACTOR_CODE')).toBe(19);
      expect(
        (await outboxEvents(raceApp, 'two-factor.verification-failed', account.accountId)).map(
          (e) => e.payload.reason,
        ),
      ).toEqual(Array(19).fill('reused_code'));
    } finally {
      await raceApp.close();
    }
  });

  it('locks after the limit when 50 wrong codes arrive at once, and evaluates no more than the limit', async () => {
    const account = await enrolledAccount();
    const { challengeToken } = await startChallenge(t, account);
    const wrong = aWrongCode(clock, account.secret);

    const results = await outcomes(
      Array.from({ length: 50 }, () =>
        commands.execute(new CompleteTwoFactorChallengeCommand(challengeToken, wrong)),
      ),
    );

    expect(count(results, 'INVALID_TWO_FACTOR_CODE')).toBe(MAX_FAILURES - 1);
    expect(count(results, 'ACCOUNT_LOCKED')).toBe(50 - (MAX_FAILURES - 1));
    expect(await failedVerifications(account.accountId)).toHaveLength(MAX_FAILURES);
    expect(await outboxEvents(t, 'two-factor.locked', account.accountId)).toHaveLength(1);
    await expect(
      t.app.get(QueryBus).execute(new GetTwoFactorStatusQuery(account.accountId)),
    ).resolves.toMatchObject({
      locked: true,
    });

    // Locked means locked: even the right code is refused without being evaluated.
    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(challengeToken, clock.codeFor(account.secret)),
      ),
    ).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });
    await expect(
      t.app
        .get(QueryBus)
        .execute(new GetSecondFactorRequirementQuery(account.accountId, { mandatory: false })),
    ).resolves.toMatchObject({ state: 'locked' });
    await expect(startChallenge(t, account)).rejects.toMatchObject({ code: 'ACCOUNT_LOCKED' });

    const mail = await smtp.waitForMail(
      (m) => m.to.includes(account.email) && m.subject.includes('ロック'),
    );
    expect(mail.text).toContain('お問い合わせフォーム');
    expect(mail.text).toContain(account.userId);
  });

  it('counts consecutive failures only: a correct code in between clears the count', async () => {
    const account = await enrolledAccount();
    for (let round = 0; round < 2; round += 1) {
      const { challengeToken } = await startChallenge(t, account);
      for (let i = 1; i < MAX_FAILURES; i += 1) {
        await expect(
          commands.execute(
            new CompleteTwoFactorChallengeCommand(
              challengeToken,
              aWrongCode(clock, account.secret),
            ),
          ),
        ).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
      }
      await commands.execute(
        new CompleteTwoFactorChallengeCommand(challengeToken, clock.codeFor(account.secret)),
      );
      clock.nextStep();
    }
    await expect(
      t.app.get(QueryBus).execute(new GetTwoFactorStatusQuery(account.accountId)),
    ).resolves.toMatchObject({
      locked: false,
    });
  });

  it('completes a challenge once when 20 requests race with the same valid code', async () => {
    const account = await enrolledAccount();
    const { challengeToken } = await startChallenge(t, account);
    const code = clock.codeFor(account.secret);

    const results = await outcomes(
      Array.from({ length: 20 }, () =>
        commands.execute(new CompleteTwoFactorChallengeCommand(challengeToken, code)),
      ),
    );

    expect(count(results, 'ok')).toBe(1);
    expect(count(results, 'CHALLENGE_EXPIRED')).toBe(19);
  });

  it('voids the older challenge of an account when a new login starts one', async () => {
    const account = await enrolledAccount();
    const first = await startChallenge(t, account);
    const second = await startChallenge(t, account);

    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(first.challengeToken, clock.codeFor(account.secret)),
      ),
    ).rejects.toMatchObject({ code: 'CHALLENGE_EXPIRED' });
    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(second.challengeToken, clock.codeFor(account.secret)),
      ),
    ).resolves.toMatchObject({ accountId: account.accountId });
  });

  it('lets a challenge expire after its validity (five minutes)', async () => {
    const account = await enrolledAccount();
    const expiring = await startChallenge(t, account);
    clock.advanceSeconds(300);
    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(
          expiring.challengeToken,
          clock.codeFor(account.secret),
        ),
      ),
    ).rejects.toMatchObject({ code: 'CHALLENGE_EXPIRED' });

    const inTime = await startChallenge(t, account);
    clock.advanceSeconds(299);
    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(inTime.challengeToken, clock.codeFor(account.secret)),
      ),
    ).resolves.toMatchObject({ accountId: account.accountId });
    clock.nextStep();
  });

  it('enrolls only with a correct code for the latest QR code; until then each login shows a new secret', async () => {
    const account = await aRegisteredAccount(t).register();
    await commands.execute(new EnableTwoFactorCommand(account.accountId, account.password));
    const requirement = () =>
      t.app
        .get(QueryBus)
        .execute(new GetSecondFactorRequirementQuery(account.accountId, { mandatory: false }));
    const first = await startChallenge(t, account);
    const second = await startChallenge(t, account);
    const [firstSecret, secondSecret] = [first, second].map((c) => c.enrollment?.secret as string);
    expect(secondSecret).not.toBe(firstSecret);

    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(second.challengeToken, clock.codeFor(firstSecret)),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
    await expect(requirement()).resolves.toMatchObject({
      state: 'enrollment_required',
      enrolled: false,
    });

    const completed = await commands.execute(
      new CompleteTwoFactorChallengeCommand(second.challengeToken, clock.codeFor(secondSecret)),
    );
    expect(completed.recoveryCodes).toHaveLength(10);
    expect(new Set(completed.recoveryCodes).size).toBe(10);
    await expect(requirement()).resolves.toMatchObject({
      state: 'verification_required',
      enrolled: true,
    });
    expect(await outboxEvents(t, 'two-factor.enrolled', account.accountId)).toHaveLength(1);
    clock.nextStep();
  });

  it('spends a recovery code once, even when two requests race with it', async () => {
    const account = await enrolledAccount();
    const [recoveryCode] = account.recoveryCodes;

    const results = await outcomes(
      [0, 1].map(() =>
        commands.execute(
          new RegenerateRecoveryCodesCommand(account.accountId, account.password, recoveryCode),
        ),
      ),
    );

    expect(count(results, 'ok')).toBe(1);
    expect(count(results, 'INVALID_TWO_FACTOR_CODE')).toBe(1);
    expect(await outboxEvents(t, 'two-factor.recovery-code-used', account.accountId)).toHaveLength(
      1,
    );
  });

  it('refuses a ciphertext that was not written for this account', async () => {
    const [a, b] = [await enrolledAccount(), await enrolledAccount()];
    const em = t.app.get(EntityManager).fork();
    await em
      .getConnection()
      .execute(
        'update two_factor.account set encrypted_secret = (select encrypted_secret from two_factor.account where account_id = ?) where account_id = ?',
        [a.accountId, b.accountId],
      );
    const { challengeToken } = await startChallenge(t, b);
    await expect(
      commands.execute(
        new CompleteTwoFactorChallengeCommand(challengeToken, clock.codeFor(a.secret)),
      ),
    ).rejects.toThrow(/unable to authenticate/);
  });

  it('erases the secret and recovery codes when the account is withdrawn, and takes a redelivery calmly', async () => {
    const account = await enrolledAccount();
    const transactions = t.app.get(TransactionRunner);
    const rows = async () => {
      const connection = t.app.get(EntityManager).fork().getConnection();
      const [accounts, codes] = await Promise.all([
        connection.execute('select 1 from two_factor.account where account_id = ?', [
          account.accountId,
        ]),
        connection.execute('select 1 from two_factor.recovery_code where account_id = ?', [
          account.accountId,
        ]),
      ]);
      return accounts.length + codes.length;
    };
    expect(await rows()).toBe(11);

    const withdrawn = new AccountWithdrawn(
      { accountId: account.accountId, userId: account.userId, language: 'ja' },
      account.email,
    );
    await transactions.run((em) => Promise.resolve(transactions.publish(em, withdrawn)));
    await waitFor(async () => (await rows()) === 0, { what: 'the two-factor data erased' });

    // At-least-once delivery: the same event relayed again finds nothing left and still succeeds.
    const em = () => t.app.get(EntityManager).fork();
    const delivered = async () =>
      (await em().findOneOrFail(OutboxMessage, { eventId: withdrawn.eventId })).relayAt === null;
    await waitFor(delivered);
    await em().nativeUpdate(
      OutboxMessage,
      { eventId: withdrawn.eventId },
      { pendingConsumers: null, relayAt: new Date(0) },
    );
    await waitFor(delivered, { what: 'the withdrawal event relayed and acknowledged again' });
    const domainEvents = t.app.get<Queue>(getQueueToken(DOMAIN_EVENTS_QUEUE));
    await waitFor(async () => {
      const counts = await domainEvents.getJobCounts();
      return counts.active + counts.waiting + counts.delayed === 0;
    });
    expect(await domainEvents.getFailedCount()).toBe(0);
    await expect(
      t.app.get(QueryBus).execute(new GetTwoFactorStatusQuery(account.accountId)),
    ).resolves.toEqual({
      enabled: false,
      enrolled: false,
      requiredByGroup: false,
      locked: false,
      recoveryCodesRemaining: 0,
    });
  });

  it("erases an account's two-factor rows without deadlocking a code step that holds the account's lock", async () => {
    const account = await enrolledAccount();
    await startChallenge(t, account);
    const knex = t.app.get(EntityManager).getConnection().getKnex();
    const rowsOf = async (table: string) =>
      (
        await knex.raw(
          `select count(*)::int as n from "two_factor"."${table}" where "account_id" = ?`,
          [account.accountId],
        )
      ).rows[0].n as number;
    // Stands for a code step (`lockChallenge`): the account row first, then the challenge.
    const codeStep = await knex.transaction();
    try {
      await codeStep.raw('select 1 from "two_factor"."account" where "account_id" = ? for update', [
        account.accountId,
      ]);
      const erased = commands.execute(new EraseTwoFactorCommand(account.accountId));
      await waitFor(
        async () =>
          (
            await knex.raw(
              `select count(*)::int as n from pg_stat_activity
               where datname = current_database() and wait_event_type = 'Lock'`,
            )
          ).rows[0].n > 0,
        { what: 'the erasure waiting for the lock the code step holds' },
      );
      // Had the erasure deleted the challenge before locking the account, this would deadlock.
      await codeStep.raw(
        'select 1 from "two_factor"."challenge" where "account_id" = ? for update',
        [account.accountId],
      );
      await codeStep.commit();
      await erased;
    } finally {
      if (!codeStep.isCompleted()) await codeStep.rollback();
    }
    expect(await rowsOf('challenge')).toBe(0);
    expect(await rowsOf('account')).toBe(0);
  });
});

import { CommandBus } from '@nestjs/cqrs';
import { authenticator } from 'otplib';
import {
  CompleteTwoFactorChallengeCommand,
  StartTwoFactorChallengeCommand,
} from '../../../src/modules/two-factor/public-api';
import type { StartedTwoFactorChallenge } from '../../../src/modules/two-factor/public-api';
import { EnableTwoFactorCommand } from '../../../src/modules/two-factor/application/commands/enable-two-factor/enable-two-factor.command';
import { TwoFactorSettings } from '../../../src/modules/two-factor/application/two-factor-settings';
import { Clock } from '../../../src/modules/two-factor/infrastructure/clock';
import { TOTP_OPTIONS } from '../../../src/modules/two-factor/infrastructure/totp';
import type { TestApp } from '../test-app';
import type { RegisteredAccount } from './accounts';

const STEP_MS = TOTP_OPTIONS.step * 1000;

/**
 * The two-factor module's clock, moved by hand: tests step through TOTP time steps without
 * sleeping. Starts at a step boundary so that "the current step" is unambiguous.
 */
export class TwoFactorTestClock {
  private current: number;

  constructor(t: TestApp) {
    this.current = Math.floor(Date.now() / STEP_MS) * STEP_MS;
    jest
      .spyOn(t.app.get(Clock, { strict: false }), 'now')
      .mockImplementation(() => new Date(this.current));
  }

  /** Moves to the next time step (or `n` steps on). */
  nextStep(n = 1): void {
    this.current += n * STEP_MS;
  }

  advanceSeconds(seconds: number): void {
    this.current += seconds * 1000;
  }

  /** The code the user's authenticator app shows now (or `offset` steps away). */
  codeFor(secret: string, offset = 0): string {
    return authenticator
      .clone({ ...TOTP_OPTIONS, epoch: this.current + offset * STEP_MS })
      .generate(secret);
  }
}

/** A wrong code that is guaranteed not to be valid in the current window. */
export function aWrongCode(clock: TwoFactorTestClock, secret: string): string {
  const valid = new Set([-1, 0, 1].map((offset) => clock.codeFor(secret, offset)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

export interface EnrolledAccount {
  secret: string;
  recoveryCodes: string[];
}

/** Switched on from My Page, then enrolled by the first login's challenge, as through the API. */
export async function enrollTwoFactor(
  t: TestApp,
  clock: TwoFactorTestClock,
  account: RegisteredAccount,
): Promise<EnrolledAccount> {
  const commands = t.app.get(CommandBus);
  await commands.execute(new EnableTwoFactorCommand(account.accountId, account.password));
  const started = await startChallenge(t, account);
  const secret = (started.enrollment as NonNullable<StartedTwoFactorChallenge['enrollment']>)
    .secret;
  const completed = await commands.execute(
    new CompleteTwoFactorChallengeCommand(started.challengeToken, clock.codeFor(secret)),
  );
  clock.nextStep();
  return { secret, recoveryCodes: completed.recoveryCodes ?? [] };
}

export function startChallenge(
  t: TestApp,
  account: RegisteredAccount,
  options: { mandatory?: boolean } = {},
): Promise<StartedTwoFactorChallenge> {
  return t.app.get(CommandBus).execute(
    new StartTwoFactorChallengeCommand({
      accountId: account.accountId,
      userId: account.userId,
      afterTemporaryPassword: false,
      mandatory: options.mandatory ?? false,
    }),
  );
}

/** As many wrong codes in a row as the lock takes: the account stays locked until support unlocks it. */
export async function lockTwoFactor(
  t: TestApp,
  clock: TwoFactorTestClock,
  account: RegisteredAccount,
  secret: string,
): Promise<void> {
  for (let i = 0; i < t.app.get(TwoFactorSettings).TWO_FACTOR_MAX_FAILURES; i += 1) {
    const { challengeToken } = await startChallenge(t, account);
    await expect(
      t.app
        .get(CommandBus)
        .execute(new CompleteTwoFactorChallengeCommand(challengeToken, aWrongCode(clock, secret))),
    ).rejects.toThrow();
  }
}

import type { DomainError } from '@app/ddd';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isTotpCodeShape, normalizeRecoveryCode } from '../domain/recovery-code-format';
import type {
  AttemptOutcome,
  SecondFactorProof,
  TwoFactorAccount,
} from '../domain/two-factor-account.entity';
import { AccountLockedError, InvalidTwoFactorCodeError } from '../domain/two-factor.errors';
import type { AccountContact } from '../domain/two-factor.events';
import { Totp } from '../infrastructure/totp';
import { TwoFactorRepository } from '../infrastructure/two-factor.repository';
import { TwoFactorSettings } from './two-factor-settings';
import { SecretHasher } from '@app/platform';

/**
 * Finds out what a submitted code proves: a TOTP time step of the given secret, or an unused
 * recovery code of the account (which is spent at once). Call with the account row locked.
 */
@Injectable()
export class SecondFactorChecker {
  constructor(
    private readonly totp: Totp,
    private readonly hasher: SecretHasher,
    private readonly repository: TwoFactorRepository,
    private readonly settings: TwoFactorSettings,
  ) {}

  /**
   * Checks the code and lets the (locked) account judge it. A rejection is state to commit (it
   * counts towards the lock), so callers return the outcome from their transaction and only then
   * throw `rejectionError(outcome)`.
   */
  async confirm(
    em: EntityManager,
    account: TwoFactorAccount,
    contact: AccountContact,
    input: { secret: string; code: string; now: Date; recoveryCodesAllowed: boolean },
  ): Promise<AttemptOutcome> {
    account.assertNotLocked();
    const proof = await this.check(em, { accountId: account.accountId, ...input });
    return account.attempt(proof, contact, this.settings.maxFailures, input.now);
  }

  async check(
    em: EntityManager,
    input: {
      accountId: string;
      secret: string;
      code: string;
      now: Date;
      recoveryCodesAllowed: boolean;
    },
  ): Promise<SecondFactorProof> {
    if (isTotpCodeShape(input.code)) {
      const step = this.totp.matchingStep(input.secret, input.code.replace(/\s/g, ''), input.now);
      return step === null ? { method: 'none' } : { method: 'totp', step };
    }
    const recoveryCode = input.recoveryCodesAllowed ? normalizeRecoveryCode(input.code) : null;
    if (!recoveryCode) return { method: 'none' };

    const unused = await this.repository.unusedRecoveryCodes(em, input.accountId);
    for (const candidate of unused) {
      if (!(await this.hasher.verify(candidate.codeHash, recoveryCode))) continue;
      if (!(await this.repository.spendRecoveryCode(em, candidate.id, input.now))) break;
      return { method: 'recovery_code', remaining: unused.length - 1 };
    }
    return { method: 'none' };
  }
}

/** The error for a rejected code, thrown by callers once the rejection has been committed. */
export function rejectionError(outcome: { locked: boolean }): DomainError {
  return outcome.locked ? new AccountLockedError() : new InvalidTwoFactorCodeError();
}

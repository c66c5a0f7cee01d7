import { Injectable } from '@nestjs/common';
import { RateLimiter, TooManyRequestsError, TransactionRunner } from '@app/platform';
import { RecoveryRateLimited } from '../domain/recovery.events';
import type { RecoveryFlow } from '../domain/recovery.events';
import { RecoverySettings } from './recovery-settings';

export interface RecoveryLimitKeys {
  emailHash?: string;
  userId?: string;
  clientIp: string | null;
}

/**
 * Rations the recovery endpoints per address, per user ID and per client IP, in Redis so that all
 * instances share the counts. The keys are built from the input only, so a refusal says nothing
 * about whether an account exists.
 */
@Injectable()
export class RecoveryRateLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly transactions: TransactionRunner,
    private readonly settings: RecoverySettings,
  ) {}

  async enforce(flow: RecoveryFlow, keys: RecoveryLimitKeys): Promise<void> {
    const windowMs = this.settings.RECOVERY_RATE_LIMIT_WINDOW_SECONDS * 1000;
    const rules: { name: string; key: string; limit: number }[] = [
      {
        name: 'client_ip',
        key: `recovery:ip:${keys.clientIp ?? 'unknown'}`,
        limit: this.settings.RECOVERY_LIMIT_PER_IP,
      },
    ];
    if (keys.emailHash !== undefined)
      rules.push({
        name: 'address',
        key: `recovery:${flow}:address:${keys.emailHash}`,
        limit: this.settings.RECOVERY_LIMIT_PER_ADDRESS,
      });
    if (keys.userId !== undefined)
      rules.push({
        name: 'user_id',
        // IDs are unique without regard to case, so `Yamada01` and `yamada01` share one budget.
        key: `recovery:${flow}:user-id:${keys.userId.toLowerCase()}`,
        limit: this.settings.RECOVERY_LIMIT_PER_USER_ID,
      });

    const decisions = await Promise.all(
      rules.map(async (rule) => ({
        rule,
        decision: await this.limiter.consume(rule.key, rule.limit, windowMs),
      })),
    );
    const refused = decisions.filter(({ decision }) => !decision.allowed);
    if (refused.length === 0) return;

    const retryAfterSeconds = Math.max(
      ...refused.map(({ decision }) => decision.retryAfterSeconds),
    );
    await this.transactions.run((em) => {
      this.transactions.publish(
        em,
        new RecoveryRateLimited({
          flow,
          limits: refused.map(({ rule }) => rule.name),
          emailHash: keys.emailHash ?? null,
          retryAfterSeconds,
        }),
      );
      return Promise.resolve();
    });
    throw new TooManyRequestsError({ retryAfterSeconds });
  }
}

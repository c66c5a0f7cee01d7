import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { RateLimiter } from '@app/platform';
import { VerifyCurrentPasswordQuery } from './ports/credentials.port';
import {
  CurrentPasswordIncorrectError,
  CurrentPasswordRequiredError,
} from '../domain/accounts.errors';
import { AccountsSettings } from './accounts-settings';

const ONE_HOUR_MS = 60 * 60 * 1000;

/**
 * Re-authentication before a sensitive My Page change (e-mail, withdrawal). Limited per account so
 * that a hijacked session cannot be used to guess the password through these endpoints.
 */
@Injectable()
export class CurrentPasswordCheck {
  constructor(
    private readonly queries: QueryBus,
    private readonly rateLimiter: RateLimiter,
    private readonly settings: AccountsSettings,
  ) {}

  async confirm(accountId: string, password: string | undefined): Promise<void> {
    if (!password) throw new CurrentPasswordRequiredError();
    await this.rateLimiter.enforce([
      {
        key: `accounts:password-check:${accountId}`,
        limit: this.settings.ACCOUNT_PASSWORD_CHECKS_PER_HOUR,
        windowMs: ONE_HOUR_MS,
      },
    ]);
    if (!(await this.queries.execute(new VerifyCurrentPasswordQuery(accountId, password)))) {
      throw new CurrentPasswordIncorrectError();
    }
  }
}

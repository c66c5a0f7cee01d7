import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RateLimiter, TooManyRequestsError, TransactionRunner } from '@app/platform';
import { ContactRateLimited } from '../domain/support.events';
import { SupportSettings } from './support-settings';

/**
 * Rations the contact form per address and per client IP, in Redis so that all instances share
 * the counts (as recovery does, ADR 0040). Keys come from the input alone, so a refusal says
 * nothing about accounts, and the address is hashed so Redis holds none.
 */
@Injectable()
export class ContactRateLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly transactions: TransactionRunner,
    private readonly settings: SupportSettings,
  ) {}

  async enforce(email: string, clientIp: string | null): Promise<void> {
    const windowMs = this.settings.SUPPORT_CONTACT_WINDOW_SECONDS * 1000;
    const address = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    try {
      await this.limiter.enforce([
        {
          key: `support:contact:ip:${clientIp ?? 'unknown'}`,
          limit: this.settings.SUPPORT_CONTACT_LIMIT_PER_IP,
          windowMs,
        },
        {
          key: `support:contact:address:${address}`,
          limit: this.settings.SUPPORT_CONTACT_LIMIT_PER_ADDRESS,
          windowMs,
        },
      ]);
    } catch (error) {
      if (!(error instanceof TooManyRequestsError)) throw error;
      const retryAfterSeconds = Number(error.details?.retryAfterSeconds ?? 0);
      await this.transactions.run((em) => {
        this.transactions.publish(em, new ContactRateLimited({ retryAfterSeconds }));
        return Promise.resolve();
      });
      throw error;
    }
  }
}

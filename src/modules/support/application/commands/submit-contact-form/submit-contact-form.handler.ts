import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { FindAccountForLoginQuery } from '../../../../accounts/public-api';
import type { AccountForLogin } from '../../../../accounts/public-api';
import { SupportRequest } from '../../../domain/support-request.entity';
import { SupportRequestRepository } from '../../../infrastructure/support-request.repository';
import { ContactRateLimits } from '../../contact-rate-limits';
import { SubmitContactFormCommand } from './submit-contact-form.command';

const normalized = (email: string) => email.trim().toLowerCase();

@CommandHandler(SubmitContactFormCommand)
export class SubmitContactFormHandler implements ICommandHandler<SubmitContactFormCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly queries: QueryBus,
    private readonly requests: SupportRequestRepository,
    private readonly rateLimits: ContactRateLimits,
  ) {}

  async execute({ form, clientIp }: SubmitContactFormCommand): Promise<void> {
    await this.rateLimits.enforce(form.email, clientIp);
    // Read before the transaction: the account lookup must not wait for a second pooled
    // connection while the insert holds one (ADR 0006).
    const account = await this.matchingAccount(form.userId, form.email);
    await this.transactions.run((em) => {
      const request = SupportRequest.receive(
        {
          category: form.category,
          userId: form.userId?.slice(0, 64) || null,
          email: form.email.trim(),
          message: form.message,
          language: account?.language ?? form.language,
          accountId: account?.accountId ?? null,
        },
        new Date(),
      );
      this.requests.add(em, request);
      return Promise.resolve();
    });
  }

  /** The one account that the user ID names and the address belongs to, if any. */
  private async matchingAccount(
    userId: string | undefined,
    email: string,
  ): Promise<AccountForLogin | null> {
    // The lookup runs even without a user ID, so both paths cost the same.
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId ?? ''));
    if (!account || !userId || account.status === 'withdrawn') return null;
    return normalized(account.email) === normalized(email) ? account : null;
  }
}

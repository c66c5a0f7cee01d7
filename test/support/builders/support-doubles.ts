import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiter } from '@app/platform';
import { ContactRateLimits } from '../../../src/modules/support/application/contact-rate-limits';
import { SupportSettings } from '../../../src/modules/support/application/support-settings';
import { SupportRequest } from '../../../src/modules/support/domain/support-request.entity';
import type { ContactFormInput } from '../../../src/modules/support/domain/support-request.entity';
import { SupportRequestNotFoundError } from '../../../src/modules/support/domain/support.errors';
import type { SupportRequestRepository } from '../../../src/modules/support/infrastructure/support-request.repository';
import { rateLimiter } from './platform-doubles';
import type { TransactionsDouble } from './transactions-double';

export const STAFF_ID = '0190a3c4-0000-7000-8000-0000000000aa';
export const OTHER_STAFF_ID = '0190a3c4-0000-7000-8000-0000000000bb';

/** The real rate limits on a limiter double: everything passes unless `refusedFor` is given. */
export function contactRateLimits(transactions: TransactionsDouble, refusedFor?: number) {
  const limiter = rateLimiter({ refusedFor });
  // The real rule-combining `enforce` over the doubled counter.
  limiter.enforce = RateLimiter.prototype.enforce.bind(limiter) as typeof limiter.enforce;
  return new ContactRateLimits(limiter, transactions, new SupportSettings());
}

/** `aSupportRequest({ accountId: null })`: received through the aggregate, its receipt pulled. */
export function aSupportRequest(overrides: Partial<ContactFormInput> = {}): SupportRequest {
  const request = SupportRequest.receive(
    {
      category: 'two_factor_locked',
      userId: 'Yamada01',
      email: 'taro@example.jp',
      message: '認証コードを間違えてロックされました。',
      language: 'ja',
      accountId: '0190a3c4-0000-7000-8000-000000000001',
      ...overrides,
    },
    new Date(Date.now() - 3_600_000),
  );
  request.pullEvents();
  return request;
}

/** Holds the given requests in memory; `added` are the ones a command stored. */
export function supportRequestsHolding(...held: SupportRequest[]) {
  const added: SupportRequest[] = [];
  const repository = {
    added,
    add: (_em: EntityManager, request: SupportRequest) => {
      added.push(request);
    },
    lock: (_em: EntityManager, id: string) => {
      const request = held.find((r) => r.id === id);
      return request ? Promise.resolve(request) : Promise.reject(new SupportRequestNotFoundError());
    },
  };
  return repository as unknown as SupportRequestRepository & { added: SupportRequest[] };
}

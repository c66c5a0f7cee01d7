import type { DomainEvent } from '@app/ddd';
import type { TransactionRunner } from '@app/platform';

/** For an outcome that changes no aggregate (a refused login): only its event is committed to the outbox. */
export function recordOutcome(transactions: TransactionRunner, event: DomainEvent): Promise<void> {
  return transactions.run((em) => {
    transactions.publish(em, event);
    return Promise.resolve();
  });
}

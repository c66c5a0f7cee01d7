import { Query } from '@nestjs/cqrs';
import type { AccountForLogin } from '../account-views';

/**
 * The account whose user ID is exactly `userId` (login is case-sensitive), or null. Withdrawn
 * accounts are answered as null, like unknown IDs.
 */
export class FindAccountForLoginQuery extends Query<AccountForLogin | null> {
  constructor(readonly userId: string) {
    super();
  }
}

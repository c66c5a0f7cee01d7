import { Query } from '@nestjs/cqrs';
import type { AccountForLogin } from '../account-views';

/**
 * Every account registered to this address (without regard to case) that is not withdrawn, i.e.
 * status `active` or `withdrawal_requested`: both can still log in. For the user-ID lookup.
 */
export class FindActiveAccountsByEmailQuery extends Query<AccountForLogin[]> {
  constructor(readonly email: string) {
    super();
  }
}

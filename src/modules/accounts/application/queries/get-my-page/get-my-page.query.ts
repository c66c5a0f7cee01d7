import { Query } from '@nestjs/cqrs';
import type { AccountView } from '../account-views';

export interface MyPageView extends AccountView {
  registeredAt: string;
  twoFactor: { enabled: boolean; enrolled: boolean; requiredByGroup: boolean };
}

/** What My Page shows the logged-in holder. */
export class GetMyPageQuery extends Query<MyPageView | null> {
  constructor(readonly accountId: string) {
    super();
  }
}

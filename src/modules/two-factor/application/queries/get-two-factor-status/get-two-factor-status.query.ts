import { Query } from '@nestjs/cqrs';

export interface TwoFactorStatus {
  enabled: boolean;
  enrolled: boolean;
  requiredByGroup: boolean;
  locked: boolean;
  recoveryCodesRemaining: number;
}

/** For `GET /me`, the support account detail and the group member list. */
export class GetTwoFactorStatusQuery extends Query<TwoFactorStatus> {
  constructor(readonly accountId: string) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { StaffRole } from '@app/platform';

export class GetStaffRolesQuery extends Query<StaffRole[]> {
  constructor(readonly accountId: string) {
    super();
  }
}

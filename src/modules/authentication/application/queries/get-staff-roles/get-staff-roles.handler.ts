import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { StaffRole } from '@app/platform';
import { AuthenticationReadModel } from '../../../infrastructure/authentication.read-model';
import { GetStaffRolesQuery } from './get-staff-roles.query';

@QueryHandler(GetStaffRolesQuery)
export class GetStaffRolesHandler implements IQueryHandler<GetStaffRolesQuery> {
  constructor(private readonly reads: AuthenticationReadModel) {}

  execute({ accountId }: GetStaffRolesQuery): Promise<StaffRole[]> {
    return this.reads.staffRolesOf(accountId);
  }
}

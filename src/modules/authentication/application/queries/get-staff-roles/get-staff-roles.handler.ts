import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { StaffRole } from '@app/platform';
import { forkForReads } from '@app/platform';
import { StaffRoleAssignment } from '../../../domain/staff-role-assignment.entity';
import { GetStaffRolesQuery } from './get-staff-roles.query';

@QueryHandler(GetStaffRolesQuery)
export class GetStaffRolesHandler implements IQueryHandler<GetStaffRolesQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ accountId }: GetStaffRolesQuery): Promise<StaffRole[]> {
    const assignments = await forkForReads(this.em).find(
      StaffRoleAssignment,
      { accountId },
      { orderBy: { role: 'asc' } },
    );
    return assignments.map((assignment) => assignment.role);
  }
}

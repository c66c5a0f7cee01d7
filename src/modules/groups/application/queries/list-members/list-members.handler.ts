import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotGroupAdministratorError } from '../../../domain/groups.errors';
import { GroupsReadModel } from '../../../infrastructure/groups.read-model';
import { GroupReader } from '../group-reader';
import type { GroupView } from '../member-view';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(
    private readonly groups: GroupsReadModel,
    private readonly reader: GroupReader,
  ) {}

  async execute({ administratorAccountId }: ListMembersQuery): Promise<GroupView> {
    const groupId = await this.groups.groupAdministeredBy(administratorAccountId);
    if (!groupId) throw new NotGroupAdministratorError();
    return this.reader.read(groupId);
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUuid } from '@app/ddd';
import { GroupNotFoundError } from '../../../domain/groups.errors';
import { GroupReader } from '../group-reader';
import type { GroupView } from '../member-view';
import { GetGroupQuery } from './get-group.query';

@QueryHandler(GetGroupQuery)
export class GetGroupHandler implements IQueryHandler<GetGroupQuery> {
  constructor(private readonly reader: GroupReader) {}

  execute({ groupId }: GetGroupQuery): Promise<GroupView> {
    if (!isUuid(groupId)) return Promise.reject(new GroupNotFoundError());
    return this.reader.read(groupId);
  }
}

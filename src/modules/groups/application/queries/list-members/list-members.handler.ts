import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { MemberDirectory } from '../../member-directory';
import { GroupReader } from '../group-reader';
import type { GroupView } from '../member-view';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly directory: MemberDirectory,
    private readonly reader: GroupReader,
  ) {}

  async execute({ administratorAccountId }: ListMembersQuery): Promise<GroupView> {
    return this.reader.read(
      await this.directory.groupAdministeredBy(forkForReads(this.em), administratorAccountId),
    );
  }
}

import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { EditProfileCommand, GetAccountQuery } from '../../../../accounts/public-api';
import { GroupNotFoundError } from '../../../domain/groups.errors';
import { GroupsRepository } from '../../../infrastructure/groups.repository';
import { MemberDirectory } from '../../member-directory';
import { ChangeMemberProfileCommand } from './change-member-profile.command';

@CommandHandler(ChangeMemberProfileCommand)
export class ChangeMemberProfileHandler implements ICommandHandler<ChangeMemberProfileCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly groups: GroupsRepository,
    private readonly directory: MemberDirectory,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  async execute({
    administratorAccountId,
    memberUserId,
    changes,
  }: ChangeMemberProfileCommand): Promise<void> {
    await this.transactions.run(async (em) => {
      const administrator = await this.directory.administrator(em, administratorAccountId);
      const member = await this.directory.member(em, administrator.groupId, memberUserId);
      const group = await this.groups.find(em, administrator.groupId);
      if (!group) throw new GroupNotFoundError();
      const before = await this.queries.execute(new GetAccountQuery(member.membership.accountId));
      const profile = changes.profile ?? {};
      await this.commands.execute(
        new EditProfileCommand(member.membership.accountId, {
          profile,
          language: changes.language,
        }),
      );
      const changedFields = [
        ...Object.entries(profile)
          .filter(
            ([field, value]) => before?.profile[field as keyof typeof before.profile] !== value,
          )
          .map(([field]) => field),
        ...(changes.language !== undefined && changes.language !== member.language
          ? ['language']
          : []),
      ];
      if (changedFields.length === 0) return;
      group.recordProfileChangedBy(member, administratorAccountId, {
        changedFields,
        email: member.email,
        language: changes.language ?? member.language,
      });
    });
  }
}

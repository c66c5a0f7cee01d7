import { CommandBus, CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { CorrectMemberProfileCommand, GetAccountQuery } from '../../../../accounts/public-api';
import { MemberDirectory } from '../../member-directory';
import { ChangeMemberProfileCommand } from './change-member-profile.command';

@CommandHandler(ChangeMemberProfileCommand)
export class ChangeMemberProfileHandler implements ICommandHandler<ChangeMemberProfileCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
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
      const group = await this.directory.lockGroupAdministeredBy(em, administratorAccountId);
      const member = await this.directory.member(memberUserId);
      const before = await this.queries.execute(new GetAccountQuery(member.accountId));
      const profile = changes.profile ?? {};
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
      group.recordProfileCorrection(member, administratorAccountId, {
        changedFields,
        email: member.email,
        language: changes.language ?? member.language,
      });
      await this.commands.execute(
        new CorrectMemberProfileCommand(member.accountId, { profile, language: changes.language }),
      );
    });
  }
}

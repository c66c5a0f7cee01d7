import { Command } from '@nestjs/cqrs';

/**
 * A group administrator switches two-factor on for a member (`required: true`): the member enrolls
 * at the next login and cannot switch it off. `required: false` only lifts the group's requirement;
 * two-factor stays on until the member switches it off.
 */
export class RequireTwoFactorForMemberCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly required: boolean,
    readonly byAccountId: string,
  ) {
    super();
  }
}

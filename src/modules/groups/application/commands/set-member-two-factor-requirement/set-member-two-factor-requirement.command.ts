import { Command } from '@nestjs/cqrs';

/** `required: true` switches two-factor on for the member; `false` lifts the group's requirement. */
export class SetMemberTwoFactorRequirementCommand extends Command<void> {
  constructor(
    readonly administratorAccountId: string,
    readonly memberUserId: string,
    readonly required: boolean,
  ) {
    super();
  }
}

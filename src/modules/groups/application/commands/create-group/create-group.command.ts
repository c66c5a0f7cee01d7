import { Command } from '@nestjs/cqrs';

/**
 * A group account registered itself: its group is created with the registrant as the first
 * administrator. The group takes the registrant's account ID as its own, which makes a repeated
 * delivery of the registration event create nothing twice.
 */
export class CreateGroupCommand extends Command<void> {
  constructor(
    readonly registrantAccountId: string,
    readonly name: string,
  ) {
    super();
  }
}

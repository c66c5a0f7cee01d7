import { Command } from '@nestjs/cqrs';
import type { Language } from '../../../../accounts/public-api';

/**
 * The administrator corrects a member's details. Not the e-mail address (changing it needs the
 * member's own password) nor the group name (it is the group's).
 */
export class ChangeMemberProfileCommand extends Command<void> {
  constructor(
    readonly administratorAccountId: string,
    readonly memberUserId: string,
    readonly changes: {
      profile?: { name?: string; nameKana?: string; phone?: string | null };
      language?: Language;
    },
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { AccountType, Language } from '../../../domain/account-type';
import type { ProfileInput } from '../../../domain/profile';

export interface RegisterAccountWithAssignedIdResult {
  accountId: string;
  userId: string;
}

/**
 * Registration on the customer's behalf (support from a paper form, a group administrator for a
 * member). The ID is generated unless one is given; the customer is mailed the ID and a temporary
 * password and must set their own password at first login.
 */
export class RegisterAccountWithAssignedIdCommand extends Command<RegisterAccountWithAssignedIdResult> {
  constructor(
    readonly registration: {
      type: AccountType;
      email: string;
      profile: ProfileInput;
      language?: Language;
      userId?: string;
      registeredBy: 'staff' | 'group_admin';
      groupId?: string;
    },
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { AccountType, Language } from '../../../domain/account-type';
import type { ProfileInput } from '../../../domain/profile';

export interface RegisterAccountResult {
  accountId: string;
  userId: string;
  type: AccountType;
}

/** Self-registration on the web: the customer chooses the user ID and the password. */
export class RegisterAccountCommand extends Command<RegisterAccountResult> {
  constructor(
    readonly registration: {
      type: AccountType;
      userId: string;
      password: string;
      email: string;
      language?: Language;
      profile: ProfileInput;
    },
  ) {
    super();
  }
}

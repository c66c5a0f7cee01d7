import { Command } from '@nestjs/cqrs';
import type { Language } from '../../../domain/account-type';
import type { ProfileInput } from '../../../domain/profile';

/**
 * The holder saves My Page. `type` and `userId` are only there to be refused when they differ;
 * a new `email` needs the current `password`. Saving also confirms a requested renewal.
 */
export class EditProfileCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly changes: {
      profile?: ProfileInput;
      language?: Language;
      email?: string;
      password?: string;
      type?: string;
      userId?: string;
    },
  ) {
    super();
  }
}

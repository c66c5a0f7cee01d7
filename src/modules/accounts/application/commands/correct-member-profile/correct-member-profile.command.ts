import { Command } from '@nestjs/cqrs';
import type { Language } from '../../../domain/account-type';
import type { ProfileCorrection } from '../../../domain/account.entity';

/**
 * A group administrator corrects a member's details (the groups context has checked that
 * authority). Only the holder's own My Page edit confirms a requested renewal; this does not.
 */
export class CorrectMemberProfileCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly correction: { profile?: ProfileCorrection; language?: Language },
  ) {
    super();
  }
}

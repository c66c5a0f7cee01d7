import { Command } from '@nestjs/cqrs';
import type { Language } from '../../../../accounts/public-api';

export interface MemberProfile {
  name: string;
  nameKana: string;
  phone?: string;
}

/** The administrator registers a member; the ID is assigned when `userId` is absent. */
export class RegisterMemberCommand extends Command<{ accountId: string; userId: string }> {
  constructor(
    readonly administratorAccountId: string,
    readonly member: {
      userId?: string;
      email: string;
      language?: Language;
      profile: MemberProfile;
    },
  ) {
    super();
  }
}

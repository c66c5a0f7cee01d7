import { Command } from '@nestjs/cqrs';

export type SessionRevocationReason =
  | 'password_changed'
  | 'account_withdrawn'
  | 'two_factor_reset'
  | 'two_factor_locked'
  | 'user_request'
  | 'staff_role_granted'
  | 'staff_action';

/** Ends every live session of an account (optionally but one); answers how many were ended. */
export class RevokeSessionsCommand extends Command<number> {
  constructor(
    readonly accountId: string,
    readonly options: { exceptSessionId?: string; reason: SessionRevocationReason },
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/**
 * Password re-issue: when the user ID belongs to an active, not two-factor-locked account
 * registered with this address, authentication mails it a temporary password. Otherwise the same
 * work is done and nothing is issued.
 */
export class RequestPasswordReissueCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly clientIp: string | null,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/**
 * My Page, "use: no": the password and, once enrolled, a current code (or a recovery code).
 * Refused while a group administrator requires two-factor, and always for staff.
 */
export class DisableTwoFactorCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly password: string,
    readonly code: string | undefined,
    readonly staff: boolean,
  ) {
    super();
  }
}

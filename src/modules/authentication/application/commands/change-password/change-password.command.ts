import { Command } from '@nestjs/cqrs';
import type { AuthenticatedActor } from '@app/platform';

/**
 * The owner replaces the password: other sessions end, a restricted session becomes a full one, and
 * a mail tells the owner it happened.
 */
export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly actor: Pick<AuthenticatedActor, 'accountId' | 'userId' | 'sessionId' | 'scope'>,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}

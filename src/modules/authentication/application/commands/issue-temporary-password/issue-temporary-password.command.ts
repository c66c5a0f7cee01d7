import { Command } from '@nestjs/cqrs';

import type { TemporaryPasswordReason } from '../../../domain/credential.entity';

export type { TemporaryPasswordReason };

export interface IssueTemporaryPasswordInput {
  accountId: string;
  userId: string;
  /** Where the mail goes, as registered at this moment. */
  email: string;
  language: 'ja' | 'en';
  reason: TemporaryPasswordReason;
}

/**
 * Issues a random single-use temporary password, voiding any older one, and mails it. The current
 * password keeps working: someone who merely asked for a re-issue must not lock the owner out.
 */
export class IssueTemporaryPasswordCommand extends Command<{ expiresAt: Date }> {
  constructor(readonly input: IssueTemporaryPasswordInput) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { LoginOutcome } from '../../login-outcome';

/** The second login step: the two-factor code for the challenge the password step started. */
export class CompleteTwoFactorLoginCommand extends Command<LoginOutcome> {
  constructor(
    readonly challengeToken: string,
    readonly code: string,
  ) {
    super();
  }
}

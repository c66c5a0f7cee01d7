import { Command } from '@nestjs/cqrs';
import type { LoginOutcome } from '../../login-outcome';

/** The password step of a login and what follows it (second factor, forced change, or a session). */
export class LogInWithPasswordCommand extends Command<LoginOutcome> {
  constructor(
    readonly userId: string,
    readonly password: string,
    /** The device cookie the client presented, unverified (ADR 0023). */
    readonly deviceCookie?: string,
  ) {
    super();
  }
}

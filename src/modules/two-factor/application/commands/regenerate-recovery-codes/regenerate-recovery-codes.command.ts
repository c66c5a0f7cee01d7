import { Command } from '@nestjs/cqrs';

/** My Page: a new set of recovery codes replaces every old one. Needs the password and a current code. */
export class RegenerateRecoveryCodesCommand extends Command<string[]> {
  constructor(
    readonly accountId: string,
    readonly password: string,
    readonly code: string,
  ) {
    super();
  }
}

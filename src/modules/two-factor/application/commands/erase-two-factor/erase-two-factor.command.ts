import { Command } from '@nestjs/cqrs';

/** The account was withdrawn: its secret, recovery codes and challenges go. Repeating it is harmless. */
export class EraseTwoFactorCommand extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/** My Page, "use: yes". Never at registration; the QR code is shown at the next login. */
export class EnableTwoFactorCommand extends Command<void> {
  constructor(
    readonly accountId: string,
    readonly password: string,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/** Support asks the holder of `userId` to re-confirm the registration at the next login. */
export class RequestRenewalCommand extends Command<{ userId: string; newlyRequested: boolean }> {
  constructor(readonly userId: string) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/** The holder confirms that the registered details are still right, clearing a renewal request. */
export class ConfirmRegistrationCommand extends Command<void> {
  constructor(readonly accountId: string) {
    super();
  }
}

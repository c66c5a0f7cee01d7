import { Command } from '@nestjs/cqrs';

/**
 * The first step of the user-ID lookup: mails a one-time lookup password to the address when
 * accounts use it, and otherwise does the same work without storing or sending anything.
 */
export class RequestLookupPasswordCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly clientIp: string | null,
  ) {
    super();
  }
}

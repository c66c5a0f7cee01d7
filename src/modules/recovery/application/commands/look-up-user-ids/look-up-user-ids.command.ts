import { Command } from '@nestjs/cqrs';

/**
 * The second step of the user-ID lookup: with the mailed lookup password, the user IDs of every
 * active account registered to the address. Throws INVALID_LOOKUP_PASSWORD otherwise.
 */
export class LookUpUserIdsCommand extends Command<{ userIds: string[] }> {
  constructor(
    readonly email: string,
    readonly lookupPassword: string,
    readonly clientIp: string | null,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';

/**
 * Erases the personal details (addresses, names, phone numbers) from the payloads of an account's
 * audit records, now and for records that arrive later; the records themselves stay until the
 * retention deletes them. Idempotent. Returns the number of records cleaned now.
 */
export class ErasePersonalDataFromAuditCommand extends Command<number> {
  constructor(readonly accountId: string) {
    super();
  }
}

import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { HandlesEvents } from '@app/platform';
import type { DeliveredEvent, DomainEventHandler } from '@app/platform';
import { AccountWithdrawn } from '../../../accounts/public-api';
import type { AccountWithdrawnPayload } from '../../../accounts/public-api';
import { ErasePersonalDataFromAuditCommand } from '../../../audit/public-api';

/** A withdrawn person's details leave the audit trail too (ADR 0071); what happened stays. */
@Injectable()
@HandlesEvents(AccountWithdrawn.TYPE)
export class EraseAuditPersonalDataOnAccountWithdrawnHandler implements DomainEventHandler {
  constructor(private readonly commands: CommandBus) {}

  async handle({ payload }: DeliveredEvent<AccountWithdrawnPayload>): Promise<void> {
    await this.commands.execute(new ErasePersonalDataFromAuditCommand(payload.accountId));
  }
}

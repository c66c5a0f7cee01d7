import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { AuditErasure } from '../../../infrastructure/audit-erasure';
import { ErasePersonalDataFromAuditCommand } from './erase-personal-data.command';

@CommandHandler(ErasePersonalDataFromAuditCommand)
export class ErasePersonalDataFromAuditHandler
  implements ICommandHandler<ErasePersonalDataFromAuditCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly erasure: AuditErasure,
  ) {}

  execute({ accountId }: ErasePersonalDataFromAuditCommand): Promise<number> {
    return this.transactions.run((em) => this.erasure.erase(em, accountId));
  }
}

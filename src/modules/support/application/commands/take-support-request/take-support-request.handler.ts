import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SupportRequestRepository } from '../../../infrastructure/support-request.repository';
import { TakeSupportRequestCommand } from './take-support-request.command';

@CommandHandler(TakeSupportRequestCommand)
export class TakeSupportRequestHandler implements ICommandHandler<TakeSupportRequestCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: SupportRequestRepository,
  ) {}

  execute({ supportRequestId, staffAccountId }: TakeSupportRequestCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const request = await this.requests.lock(em, supportRequestId);
      request.take(staffAccountId, new Date());
    });
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SupportRequestRepository } from '../../../infrastructure/support-request.repository';
import { CloseSupportRequestCommand } from './close-support-request.command';

@CommandHandler(CloseSupportRequestCommand)
export class CloseSupportRequestHandler implements ICommandHandler<CloseSupportRequestCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: SupportRequestRepository,
  ) {}

  execute({ supportRequestId, staffAccountId }: CloseSupportRequestCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const request = await this.requests.lock(em, supportRequestId);
      request.closeWithoutReply(staffAccountId, new Date());
    });
  }
}

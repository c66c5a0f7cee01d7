import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { SupportRequestRepository } from '../../../infrastructure/support-request.repository';
import { AnswerSupportRequestCommand } from './answer-support-request.command';

/** Under the row lock: of two replies at once, the second finds the request closed (409). */
@CommandHandler(AnswerSupportRequestCommand)
export class AnswerSupportRequestHandler implements ICommandHandler<AnswerSupportRequestCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly requests: SupportRequestRepository,
  ) {}

  execute({ supportRequestId, staffAccountId, reply }: AnswerSupportRequestCommand): Promise<void> {
    return this.transactions.run(async (em) => {
      const request = await this.requests.lock(em, supportRequestId);
      request.answer(staffAccountId, reply, new Date());
    });
  }
}

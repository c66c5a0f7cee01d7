import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { EraseTwoFactorCommand } from './erase-two-factor.command';

@CommandHandler(EraseTwoFactorCommand)
export class EraseTwoFactorHandler implements ICommandHandler<EraseTwoFactorCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
  ) {}

  async execute(command: EraseTwoFactorCommand): Promise<void> {
    await this.transactions.run((em) => this.repository.erase(em, command.accountId));
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SecretHasher, TransactionRunner } from '@app/platform';
import { Credential } from '../../../domain/credential.entity';
import { PasswordPolicy } from '../../../domain/password-policy';
import { CredentialRepository } from '../../../infrastructure/credential.repository';
import { SetInitialPasswordCommand } from '../../../../accounts/public-api';

@CommandHandler(SetInitialPasswordCommand)
export class SetInitialPasswordHandler implements ICommandHandler<SetInitialPasswordCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly credentials: CredentialRepository,
    private readonly policy: PasswordPolicy,
    private readonly hasher: SecretHasher,
  ) {}

  async execute({ accountId, userId, password }: SetInitialPasswordCommand): Promise<void> {
    this.policy.enforce(password, userId);
    const hash = await this.hasher.hash(password);
    await this.transactions.run(async (em) => {
      const credential =
        (await this.credentials.find(em, accountId)) ?? Credential.register(accountId, userId);
      credential.setInitialPassword(hash, new Date());
      this.credentials.add(em, credential);
    });
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SecretHasher, TransactionRunner } from '@app/platform';
import { Credential } from '../../../domain/credential.entity';
import { PasswordPolicy } from '../../../domain/password-policy';
import { generateTemporaryPassword } from '../../../domain/temporary-password';
import { CredentialRepository } from '../../../infrastructure/credential.repository';
import { AuthenticationSettings } from '../../authentication-settings';
import { IssueTemporaryPasswordCommand } from '../../../../accounts/public-api';

@CommandHandler(IssueTemporaryPasswordCommand)
export class IssueTemporaryPasswordHandler
  implements ICommandHandler<IssueTemporaryPasswordCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly credentials: CredentialRepository,
    private readonly policy: PasswordPolicy,
    private readonly hasher: SecretHasher,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({ input }: IssueTemporaryPasswordCommand): Promise<{ expiresAt: Date }> {
    let plain = generateTemporaryPassword(this.settings.temporaryPasswordLength);
    while (this.policy.check(plain, input.userId))
      plain = generateTemporaryPassword(this.settings.temporaryPasswordLength);
    const hash = await this.hasher.hash(plain);
    const ttl =
      input.reason === 'reissue' ? this.settings.reissueTtlMs : this.settings.registrationTtlMs;
    const expiresAt = new Date(Date.now() + ttl);

    await this.transactions.run(async (em) => {
      const credential =
        (await this.credentials.lock(em, input.accountId)) ??
        Credential.register(input.accountId, input.userId);
      credential.issueTemporaryPassword({ ...input, hash, plain, expiresAt });
      this.credentials.add(em, credential);
    });
    return { expiresAt };
  }
}

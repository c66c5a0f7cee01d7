import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner, SecretHasher } from '@app/platform';
import { FindActiveAccountsByEmailQuery } from '../../../../accounts/public-api';
import { emailHash, generateLookupPassword } from '../../../domain/recovery-secrets';
import { UserIdLookupRequested } from '../../../domain/recovery.events';
import { LookupPasswordRepository } from '../../../infrastructure/lookup-password.repository';
import { RecoveryRateLimits } from '../../recovery-rate-limits';
import { RecoverySettings } from '../../recovery-settings';
import { RequestLookupPasswordCommand } from './request-lookup-password.command';

@CommandHandler(RequestLookupPasswordCommand)
export class RequestLookupPasswordHandler implements ICommandHandler<RequestLookupPasswordCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly lookups: LookupPasswordRepository,
    private readonly queries: QueryBus,
    private readonly hasher: SecretHasher,
    private readonly rateLimits: RecoveryRateLimits,
    private readonly settings: RecoverySettings,
  ) {}

  async execute({ email, clientIp }: RequestLookupPasswordCommand): Promise<void> {
    const address = emailHash(email);
    await this.rateLimits.enforce('lookup_password_request', { emailHash: address, clientIp });

    // Hashed whether or not it will be stored: the argon2 work dominates the response time.
    const plain = generateLookupPassword();
    const hash = await this.hasher.hash(plain);
    const accounts = await this.queries.execute(new FindActiveAccountsByEmailQuery(email));
    const now = new Date();
    const expiresAt = new Date(
      now.getTime() + this.settings.RECOVERY_LOOKUP_PASSWORD_TTL_MINUTES * 60_000,
    );

    await this.transactions.run(async (em) => {
      // Every request, for a known address or not, so that the trail tells nothing apart: no
      // aggregate exists for an address without accounts.
      this.transactions.publish(
        em,
        new UserIdLookupRequested({ emailHash: address, matchingAccounts: accounts.length }),
      );
      if (accounts.length === 0) return;
      const lookup = await this.lookups.lockOrCreate(em, address, {
        passwordHash: hash,
        issuedAt: now,
        expiresAt,
      });
      const [first] = accounts;
      lookup.issue({
        hash,
        plain,
        now,
        expiresAt,
        email: first.email,
        language: first.language,
        accountIds: accounts.map((a) => a.accountId),
      });
    });
  }
}

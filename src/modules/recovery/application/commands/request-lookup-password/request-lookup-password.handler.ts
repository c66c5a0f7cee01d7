import { LockMode } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { TransactionRunner, SecretHasher } from '@app/platform';
import { FindActiveAccountsByEmailQuery } from '../../../../accounts/public-api';
import { LookupPassword } from '../../../domain/lookup-password.entity';
import { emailHash, generateLookupPassword } from '../../../domain/recovery-secrets';
import { UserIdLookupRequested } from '../../../domain/recovery.events';
import { RecoveryRateLimits } from '../../recovery-rate-limits';
import { RecoverySettings } from '../../recovery-settings';
import { RequestLookupPasswordCommand } from './request-lookup-password.command';

@CommandHandler(RequestLookupPasswordCommand)
export class RequestLookupPasswordHandler implements ICommandHandler<RequestLookupPasswordCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
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
      this.transactions.publish(
        em,
        new UserIdLookupRequested({ emailHash: address, matchingAccounts: accounts.length }),
      );
      if (accounts.length === 0) return;
      // Two parallel requests for one address must not both insert: create the row once, then
      // serialise the issue on its lock.
      await em
        .createQueryBuilder(LookupPassword)
        .insert({
          emailHash: address,
          passwordHash: hash,
          issuedAt: now,
          expiresAt,
          failedAttempts: 0,
        })
        .onConflict('email_hash')
        .ignore()
        .execute();
      const lookup = await em.findOneOrFail(
        LookupPassword,
        { emailHash: address },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
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

import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { forkForReads, refuseAfterCommit, SecretHasher, TransactionRunner } from '@app/platform';
import { FindActiveAccountsByEmailQuery } from '../../../../accounts/public-api';
import { emailHash } from '../../../domain/recovery-secrets';
import { InvalidLookupPasswordError } from '../../../domain/recovery.errors';
import { UserIdLookupFailed } from '../../../domain/recovery.events';
import { LookupPasswordRepository } from '../../../infrastructure/lookup-password.repository';
import { RecoveryRateLimits } from '../../recovery-rate-limits';
import { RecoverySettings } from '../../recovery-settings';
import { LookUpUserIdsCommand } from './look-up-user-ids.command';

@CommandHandler(LookUpUserIdsCommand)
export class LookUpUserIdsHandler implements ICommandHandler<LookUpUserIdsCommand> {
  constructor(
    private readonly em: EntityManager,
    private readonly transactions: TransactionRunner,
    private readonly lookups: LookupPasswordRepository,
    private readonly queries: QueryBus,
    private readonly hasher: SecretHasher,
    private readonly rateLimits: RecoveryRateLimits,
    private readonly settings: RecoverySettings,
  ) {}

  async execute({
    email,
    lookupPassword,
    clientIp,
  }: LookUpUserIdsCommand): Promise<{ userIds: string[] }> {
    const address = emailHash(email);
    await this.rateLimits.enforce('user_id_lookup', { clientIp });

    // argon2 runs before the row lock so that parallel attempts hash in parallel; the lock then
    // decides, against the hash that was compared, which single attempt redeems it.
    const snapshot = await this.lookups.find(forkForReads(this.em), address);
    const passwordMatched = snapshot
      ? await this.hasher.verify(snapshot.passwordHash, lookupPassword)
      : await this.hasher.verifyNothing(lookupPassword);

    // Read outside the transaction: the accounts context answers on its own connection, and a
    // transaction waiting for the row lock must not need a second one from the shared pool.
    const accounts = await this.queries.execute(new FindActiveAccountsByEmailQuery(email));

    const userIds = await this.transactions.run(async (em) => {
      const lookup = await this.lookups.lock(em, address);
      if (!lookup || !snapshot) {
        // Nothing was there to compare against, so no aggregate to record the refusal on.
        this.transactions.publish(
          em,
          new UserIdLookupFailed({
            emailHash: address,
            reason: 'no_lookup_password',
            failedAttempts: 0,
          }),
        );
        throw refuseAfterCommit(new InvalidLookupPasswordError());
      }
      const outcome = lookup.redeem({
        // A password issued meanwhile replaced the one compared: the attempt was against a void one.
        passwordMatched: passwordMatched && lookup.passwordHash === snapshot.passwordHash,
        now: new Date(),
        maxFailures: this.settings.RECOVERY_LOOKUP_PASSWORD_MAX_FAILURES,
        accountIds: accounts.map((a) => a.accountId),
      });
      // A wrong password must count even though the request fails.
      if (!outcome.redeemed) throw refuseAfterCommit(new InvalidLookupPasswordError());
      return accounts.map((a) => a.userId);
    });
    return { userIds };
  }
}

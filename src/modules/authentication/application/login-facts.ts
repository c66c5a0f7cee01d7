import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindAccountForLoginQuery } from '../../accounts/public-api';
import type { AccountForLogin } from '../../accounts/public-api';
import { GetSecondFactorRequirementQuery } from '../../two-factor/public-api';
import type { SecondFactorRequirement } from '../../two-factor/public-api';
import type { Credential } from '../domain/credential.entity';
import { AuthenticationReadModel } from '../infrastructure/authentication.read-model';

/** Everything the password step decides on, read once before any hashing. */
export type LoginFacts =
  | { kind: 'unknown_user_id' }
  | { kind: 'account_withdrawn'; account: AccountForLogin }
  | {
      kind: 'usable';
      account: AccountForLogin;
      credential: Credential | null;
      /** Staff always log in with a second factor, whether or not they switched it on. */
      staff: boolean;
      requirement: SecondFactorRequirement;
    };

/**
 * The login's read model: the account (accounts), its credential and staff roles (ours) and what
 * its second step must be (two-factor). Read outside any transaction, in parallel, each statement
 * on its own pooled connection for its own duration.
 */
@Injectable()
export class LoginFactsReader {
  constructor(
    private readonly reads: AuthenticationReadModel,
    private readonly queries: QueryBus,
  ) {}

  async read(userId: string): Promise<LoginFacts> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(userId));
    if (!account) return { kind: 'unknown_user_id' };
    if (account.status === 'withdrawn') return { kind: 'account_withdrawn', account };
    const { accountId } = account;
    const [credential, staff] = await Promise.all([
      this.reads.credentialOf(accountId),
      this.reads.isStaff(accountId),
    ]);
    const requirement = await this.queries.execute(
      new GetSecondFactorRequirementQuery(accountId, { mandatory: staff }),
    );
    return { kind: 'usable', account, credential, staff, requirement };
  }
}

import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Credential } from '../../../domain/credential.entity';
import { AuthenticationSettings } from '../../authentication-settings';
import { VerifyCurrentPasswordQuery } from '../../../../accounts/public-api';
import { forkForReads, SecretHasher } from '@app/platform';

/**
 * Only the account's password counts, never a temporary one. Callers are logged-in owners; the
 * accounts context rate-limits its own current-password checks per account.
 */
@QueryHandler(VerifyCurrentPasswordQuery)
export class VerifyCurrentPasswordHandler implements IQueryHandler<VerifyCurrentPasswordQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: SecretHasher,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({ accountId, password }: VerifyCurrentPasswordQuery): Promise<boolean> {
    if (typeof password !== 'string' || password.length > this.settings.passwordMaxLength)
      return false;
    const credential = await forkForReads(this.em).findOne(Credential, { accountId });
    if (!credential?.passwordHash) return this.hasher.verifyNothing(password);
    return this.hasher.verify(credential.passwordHash, password);
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SecretHasher } from '@app/platform';
import { VerifyCurrentPasswordQuery } from '../../../../accounts/public-api';
import { AuthenticationReadModel } from '../../../infrastructure/authentication.read-model';
import { AuthenticationSettings } from '../../authentication-settings';

/**
 * Only the account's password counts, never a temporary one. Callers are logged-in owners; the
 * accounts context rate-limits its own current-password checks per account.
 */
@QueryHandler(VerifyCurrentPasswordQuery)
export class VerifyCurrentPasswordHandler implements IQueryHandler<VerifyCurrentPasswordQuery> {
  constructor(
    private readonly reads: AuthenticationReadModel,
    private readonly hasher: SecretHasher,
    private readonly settings: AuthenticationSettings,
  ) {}

  async execute({ accountId, password }: VerifyCurrentPasswordQuery): Promise<boolean> {
    if (typeof password !== 'string' || password.length > this.settings.passwordMaxLength)
      return false;
    const credential = await this.reads.credentialOf(accountId);
    if (!credential?.passwordHash) return this.hasher.verifyNothing(password);
    return this.hasher.verify(credential.passwordHash, password);
  }
}

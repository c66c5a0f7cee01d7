import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  formatRecoveryCode,
  generateRecoveryCode,
  RECOVERY_CODE_COUNT,
} from '../domain/recovery-code-format';
import { RecoveryCode } from '../domain/recovery-code.entity';
import { TwoFactorRepository } from '../infrastructure/two-factor.repository';
import { SecretHasher } from '@app/platform';

/** A fresh set of recovery codes replaces the old set; the plain codes leave this method once. */
@Injectable()
export class RecoveryCodeIssuer {
  constructor(
    private readonly hasher: SecretHasher,
    private readonly repository: TwoFactorRepository,
  ) {}

  async issue(em: EntityManager, accountId: string, now: Date): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
    const hashes = await Promise.all(codes.map((code) => this.hasher.hash(code)));
    await this.repository.replaceRecoveryCodes(
      em,
      accountId,
      hashes.map((codeHash) => RecoveryCode.issue(accountId, codeHash, now)),
    );
    return codes.map(formatRecoveryCode);
  }
}

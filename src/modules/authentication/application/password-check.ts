import { Injectable } from '@nestjs/common';
import type { Credential } from '../domain/credential.entity';
import { SecretHasher } from '@app/platform';

export type PasswordMatch = { kind: 'password' | 'temporary_password'; verifiedHash: string };

/**
 * Compares a submitted password with an account's password and, if one is usable, its temporary
 * password. Every refusal costs exactly two argon2 verifications, real or dummy, so the response
 * time tells nothing about whether the ID exists or has a temporary password pending.
 */
@Injectable()
export class PasswordCheck {
  constructor(private readonly hasher: SecretHasher) {}

  async match(
    credential: Pick<Credential, 'passwordHash'> | null,
    password: string,
    options: { temporaryHash: string | null },
  ): Promise<PasswordMatch | null> {
    const passwordHash = credential?.passwordHash ?? null;
    if (passwordHash) {
      if (await this.hasher.verify(passwordHash, password))
        return { kind: 'password', verifiedHash: passwordHash };
    } else {
      await this.hasher.verifyNothing(password);
    }
    if (options.temporaryHash) {
      if (await this.hasher.verify(options.temporaryHash, password)) {
        return { kind: 'temporary_password', verifiedHash: options.temporaryHash };
      }
    } else {
      await this.hasher.verifyNothing(password);
    }
    return null;
  }
}

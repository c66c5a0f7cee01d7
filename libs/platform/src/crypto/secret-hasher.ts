import { randomBytes } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import * as argon2 from 'argon2';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics';

/**
 * argon2id with the configured parameters, for every stored password and one-time secret
 * (passwords, temporary and lookup passwords, recovery codes). The `…Nothing` variants spend the same
 * work when there is nothing to store or compare, so an unknown account costs what a known one costs.
 */
@Injectable()
export class SecretHasher implements OnModuleInit {
  private readonly options: argon2.Options & { type: typeof argon2.argon2id };
  private dummyHash = '';

  constructor(
    config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.options = {
      type: argon2.argon2id,
      memoryCost: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
      parallelism: config.ARGON2_PARALLELISM,
    };
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash(randomBytes(16).toString('base64url'));
  }

  hash(secret: string): Promise<string> {
    return this.metrics.timed(this.metrics.argon2Duration, { operation: 'hash' }, () =>
      argon2.hash(secret, this.options),
    );
  }

  async hashNothing(): Promise<void> {
    await this.hash(randomBytes(12).toString('base64url'));
  }

  async verify(hash: string, secret: string): Promise<boolean> {
    try {
      return await this.metrics.timed(this.metrics.argon2Duration, { operation: 'verify' }, () =>
        argon2.verify(hash, secret),
      );
    } catch {
      // A stored value that is not an argon2 hash matches nothing.
      return false;
    }
  }

  async verifyNothing(secret: string): Promise<false> {
    await this.verify(this.dummyHash, secret);
    return false;
  }

  /** True for hashes made with other parameters: re-hash them at the next successful check. */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, this.options);
    } catch {
      return false;
    }
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@app/platform';
import { TwoFactorChallenge } from '../../../domain/two-factor-challenge.entity';
import { newChallengeToken } from '../../../infrastructure/challenge-token';
import { Clock } from '../../../infrastructure/clock';
import { QrCodeRenderer } from '../../../infrastructure/qr-code';
import { SecretCipher } from '../../../infrastructure/secret-cipher';
import { Totp } from '../../../infrastructure/totp';
import { TwoFactorRepository } from '../../../infrastructure/two-factor.repository';
import { TwoFactorSettings } from '../../two-factor-settings';
import {
  StartTwoFactorChallengeCommand,
  StartedTwoFactorChallenge,
  TwoFactorEnrollment,
} from './start-two-factor-challenge.command';

@CommandHandler(StartTwoFactorChallengeCommand)
export class StartTwoFactorChallengeHandler
  implements ICommandHandler<StartTwoFactorChallengeCommand>
{
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly repository: TwoFactorRepository,
    private readonly totp: Totp,
    private readonly cipher: SecretCipher,
    private readonly qrCodes: QrCodeRenderer,
    private readonly settings: TwoFactorSettings,
    private readonly clock: Clock,
  ) {}

  execute({ request }: StartTwoFactorChallengeCommand): Promise<StartedTwoFactorChallenge> {
    const now = this.clock.now();
    const { token, tokenHash } = newChallengeToken();
    return this.transactions.run(async (em) => {
      const account = await this.repository.lockOrOpen(em, request.accountId);
      account.assertNotLocked();
      const state = account.requirement(request.mandatory);
      if (state === 'not_required') {
        throw new Error(
          `Account ${request.accountId} needs no second factor: ask GetSecondFactorRequirementQuery first`,
        );
      }

      // Every login before the first correct code shows a new secret: a QR code that was never
      // confirmed may have been seen by someone else.
      let enrollment: TwoFactorEnrollment | undefined;
      let encryptedPendingSecret: string | null = null;
      if (state === 'enrollment_required') {
        const secret = this.totp.newSecret();
        const otpauthUri = this.totp.keyUri(request.userId, this.settings.issuer, secret);
        enrollment = {
          secret,
          otpauthUri,
          qrCodeDataUrl: await this.qrCodes.toPngDataUrl(otpauthUri),
        };
        encryptedPendingSecret = this.cipher.encrypt(secret, request.accountId);
      }

      const challenge = TwoFactorChallenge.issue({
        accountId: request.accountId,
        userId: request.userId,
        tokenHash,
        encryptedPendingSecret,
        afterTemporaryPassword: request.afterTemporaryPassword,
        now,
        ttlSeconds: this.settings.challengeTtlSeconds,
      });
      await this.repository.replaceChallenge(em, challenge);
      return {
        challengeToken: token,
        expiresAt: challenge.expiresAt,
        ...(enrollment ? { enrollment } : {}),
      };
    });
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RateLimiter } from '@app/platform';
import { CertificateNotFoundError } from '../../../domain/enrollments.errors';
import { maskHolderName } from '../../../domain/holder-name-mask';
import { EnrollmentsReadModel } from '../../../infrastructure/enrollments.read-model';
import { EnrollmentsSettings } from '../../enrollments-settings';
import { VerifyCertificateQuery } from './verify-certificate.query';
import type { CertificateCheck } from './verify-certificate.query';

/**
 * Numbers are 60 random bits, but a public endpoint still rations guesses per client IP, in Redis
 * so that every instance shares the count (as recovery and the contact form do).
 */
@QueryHandler(VerifyCertificateQuery)
export class VerifyCertificateHandler implements IQueryHandler<VerifyCertificateQuery> {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly settings: EnrollmentsSettings,
    private readonly readModel: EnrollmentsReadModel,
  ) {}

  async execute({ number, clientIp }: VerifyCertificateQuery): Promise<CertificateCheck> {
    await this.limiter.enforce([
      {
        key: `enrollments:certificate-check:ip:${clientIp ?? 'unknown'}`,
        limit: this.settings.ENROLLMENTS_CERTIFICATE_CHECKS_PER_IP,
        windowMs: this.settings.ENROLLMENTS_CERTIFICATE_CHECK_WINDOW_SECONDS * 1000,
      },
    ]);
    const certificate = await this.readModel.certificate(number);
    if (!certificate) throw new CertificateNotFoundError();
    return {
      valid: true,
      ...certificate,
      holderName: certificate.holderName ? maskHolderName(certificate.holderName) : null,
    };
  }
}

import { Controller, Get, Ip, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '@app/platform';
import { VerifyCertificateQuery } from '../application/queries/verify-certificate/verify-certificate.query';
import { CertificateCheckDto, CertificateNumberParamsDto } from './documents.dto';

/** The public check of a certificate number, e.g. by an employer (no login). */
@ApiTags('enrollments: public')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':number')
  @ApiOperation({
    summary: 'Verify a completion certificate number',
    description:
      'Course, date and the holder’s name masked (first character kept); `holderName` is null once ' +
      'the holder withdrew. Limited per client IP (429 TOO_MANY_ATTEMPTS with Retry-After).',
  })
  @ApiOkResponse({ type: CertificateCheckDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'CERTIFICATE_NOT_FOUND' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  verify(
    @Param() params: CertificateNumberParamsDto,
    @Ip() clientIp: string,
  ): Promise<CertificateCheckDto> {
    return this.queries.execute(new VerifyCertificateQuery(params.number, clientIp ?? null));
  }
}

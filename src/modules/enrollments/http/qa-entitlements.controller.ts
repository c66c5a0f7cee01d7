import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '@app/platform';
import { GetQaEntitlementQuery } from '../application/queries/get-qa-entitlement/get-qa-entitlement.query';
import { QaEntitlementDto, QaEntitlementQueryDto } from './documents.dto';
import { QaServiceGuard } from './qa-service.guard';

/** Asked by the Internet QA service, with its own credential (ADR 0090). */
@ApiTags('enrollments: QA service')
@Controller('qa/entitlements')
@UseGuards(QaServiceGuard)
@ApiBearerAuth()
export class QaEntitlementsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'Whether a user ID may use the Internet QA service for a course, and until when',
    description:
      '`Authorization: Bearer <QA_SERVICE_TOKEN>`; a customer session is refused. Unknown and ' +
      'withdrawn user IDs answer `entitled: false`. 404 when no QA_SERVICE_TOKEN is configured.',
  })
  @ApiOkResponse({ type: QaEntitlementDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'SERVICE_UNAUTHENTICATED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'NOT_FOUND (no QA_SERVICE_TOKEN)' })
  entitlement(@Query() query: QaEntitlementQueryDto): Promise<QaEntitlementDto> {
    return this.queries.execute(new GetQaEntitlementQuery(query.userId, query.courseCode));
  }
}

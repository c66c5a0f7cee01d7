import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorResponseDto,
  RequestContext,
  RequireRoles,
  ValidationFailedError,
} from '@app/platform';
import { ApplyOnPaperCommand } from '../application/commands/apply-on-paper/apply-on-paper.command';
import type { PaperApplicant } from '../application/commands/apply-on-paper/apply-on-paper.command';
import { GetApplicationQuery } from '../application/queries/get-application/get-application.query';
import { ApplicationNotFoundError } from '../domain/enrollments.errors';
import { PaperApplicationDto, PaperApplicationResultDto } from './paper-application.dto';
import { requestedAttendees } from './requested-attendees';

/** Staff enter a paper application form (ADR 0091). */
@ApiTags('enrollments: staff')
@Controller('admin/enrollments/applications')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class PaperApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Enter a paper application, for an existing user ID or registering a new customer',
    description:
      'Exactly one of `userId` and `newCustomer`. A new customer is registered as an individual in the ' +
      'same transaction (ID assigned, mailed with a temporary password); when the application is ' +
      'refused nothing is written, no account either, and no mail is sent. Channel `paper`; the staff ' +
      'member and `reason` (required) are recorded with its events.',
  })
  @ApiCreatedResponse({ type: PaperApplicationResultDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'VALIDATION_FAILED (also both or neither of userId and newCustomer, no reason), ' +
      'ATTENDEE_KIND_NOT_ALLOWED, EMAIL_INVALID, PROFILE_INVALID',
  })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'ACCOUNT_NOT_FOUND, SESSION_NOT_FOUND, MEMBER_NOT_FOUND',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'SESSION_NOT_OPEN, SESSION_FULL (details.seatsLeft), ALREADY_APPLIED',
  })
  async apply(@Body() body: PaperApplicationDto): Promise<PaperApplicationResultDto> {
    const applicant = paperApplicant(body);
    const attendees = body.attendees && requestedAttendees(body.attendees);
    this.context.noteStaffAction(body);
    const { applicationId, registeredUserId } = await this.commands.execute(
      new ApplyOnPaperCommand(body.sessionId, applicant, attendees),
    );
    const view = await this.queries.execute(new GetApplicationQuery(applicationId, null));
    if (!view) throw new ApplicationNotFoundError();
    return registeredUserId === undefined ? view : { ...view, registeredUserId };
  }
}

function paperApplicant({ userId, newCustomer }: PaperApplicationDto): PaperApplicant {
  if (userId !== undefined && newCustomer === undefined) return { userId };
  if (newCustomer !== undefined && userId === undefined) return { newCustomer };
  const problem =
    userId === undefined ? 'one_of_userId_newCustomer_required' : 'only_one_of_userId_newCustomer';
  throw new ValidationFailedError({ fields: { userId: [problem], newCustomer: [problem] } });
}

import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, ErrorResponseDto } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { ApplyForSeatsCommand } from '../application/commands/apply-for-seats/apply-for-seats.command';
import { CancelSeatsCommand } from '../application/commands/cancel-seats/cancel-seats.command';
import { GetApplicationQuery } from '../application/queries/get-application/get-application.query';
import { ListApplicationsQuery } from '../application/queries/list-applications/list-applications.query';
import type { ApplicationView } from '../application/queries/enrollment-views';
import { ApplicationNotFoundError } from '../domain/enrollments.errors';
import { ApplicationDto, ApplicationListDto, ApplyDto, CancellationDto } from './enrollments.dto';
import { requestedAttendees } from './requested-attendees';

/** The customer's applications on My Page. */
@ApiTags('enrollments')
@Controller('me/applications')
@Authenticated()
export class MyApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Apply for seats in an open session',
    description:
      'individual: exactly `[{kind:"self"}]`; corporate: `self` and `staff`; group: also `member` ' +
      '(an active member of your group). At most 20; a person holds one live seat per session.',
  })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, ATTENDEE_KIND_NOT_ALLOWED',
  })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'SESSION_NOT_FOUND, MEMBER_NOT_FOUND',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'SESSION_NOT_OPEN, SESSION_FULL (details.seatsLeft), ALREADY_APPLIED',
  })
  async apply(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: ApplyDto,
  ): Promise<ApplicationView> {
    const { applicationId } = await this.commands.execute(
      new ApplyForSeatsCommand(
        actor.accountId,
        body.sessionId,
        requestedAttendees(body.attendees),
        'web',
      ),
    );
    return this.read(applicationId, actor.accountId);
  }

  @Get()
  @ApiOperation({
    summary: 'Your applications, newest first',
    description:
      'Those you made, and those where you are an attendee (a member your group applied for).',
  })
  @ApiOkResponse({ type: ApplicationListDto })
  async list(@CurrentActor() actor: AuthenticatedActor): Promise<ApplicationListDto> {
    return { items: await this.queries.execute(new ListApplicationsQuery(actor.accountId)) };
  }

  @Get(':applicationId')
  @ApiOperation({ summary: 'One of your applications (made by you or holding your seat)' })
  @ApiParam({ name: 'applicationId', format: 'uuid' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  detail(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('applicationId') applicationId: string,
  ): Promise<ApplicationView> {
    return this.read(applicationId, actor.accountId);
  }

  @Post(':applicationId/cancellation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel seats (all live ones when attendeeIds is absent)',
    description:
      'Until 17:00 Japan time the day before the course date. An attendee’s own account may cancel its own seat only.',
  })
  @ApiParam({ name: 'applicationId', format: 'uuid' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'CANCELLATION_DEADLINE_PASSED, ATTENDEE_NOT_CANCELLABLE',
  })
  async cancel(
    @CurrentActor() actor: AuthenticatedActor,
    @Param('applicationId') applicationId: string,
    @Body() body: CancellationDto,
  ): Promise<ApplicationView> {
    await this.commands.execute(
      new CancelSeatsCommand(applicationId, body.attendeeIds, {
        kind: 'customer',
        callerAccountId: actor.accountId,
      }),
    );
    return this.read(applicationId, actor.accountId);
  }

  private async read(applicationId: string, accountId: string): Promise<ApplicationView> {
    const view = await this.queries.execute(new GetApplicationQuery(applicationId, accountId));
    if (!view) throw new ApplicationNotFoundError();
    return view;
  }
}

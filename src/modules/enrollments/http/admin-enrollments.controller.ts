import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequestContext, RequireRoles, StaffActionDto } from '@app/platform';
import { FindAccountForLoginQuery } from '../../accounts/public-api';
import { CancelSeatsCommand } from '../application/commands/cancel-seats/cancel-seats.command';
import { ChangeCourseCommand } from '../application/commands/change-course/change-course.command';
import { CloseSessionCommand } from '../application/commands/close-session/close-session.command';
import { CompleteAttendeesCommand } from '../application/commands/complete-attendees/complete-attendees.command';
import { ConfirmAttendeesCommand } from '../application/commands/confirm-attendees/confirm-attendees.command';
import { CreateCourseCommand } from '../application/commands/create-course/create-course.command';
import { OpenSessionCommand } from '../application/commands/open-session/open-session.command';
import { ScheduleSessionCommand } from '../application/commands/schedule-session/schedule-session.command';
import type {
  ApplicationView,
  CourseView,
  SessionDetailView,
  SessionView,
} from '../application/queries/enrollment-views';
import { GetApplicationQuery } from '../application/queries/get-application/get-application.query';
import { GetCourseQuery } from '../application/queries/get-course/get-course.query';
import {
  GetSessionDetailQuery,
  GetSessionQuery,
} from '../application/queries/get-session/get-session.query';
import { ListApplicationsQuery } from '../application/queries/list-applications/list-applications.query';
import { ListCoursesQuery } from '../application/queries/list-courses/list-courses.query';
import {
  AccountNotFoundError,
  ApplicationNotFoundError,
  CourseNotFoundError,
  SessionNotFoundError,
} from '../domain/enrollments.errors';
import {
  ApplicationDto,
  ApplicationListDto,
  ApplicationsOfAccountQueryDto,
  AttendeeIdsDto,
  ChangeCourseDto,
  CompletedDto,
  ConfirmedDto,
  CourseDto,
  CourseListDto,
  CreateCourseDto,
  ScheduleSessionDto,
  CourseSessionDetailDto,
  CourseSessionDto,
  StaffCancellationDto,
} from './enrollments.dto';

/**
 * Staff's course catalogue, sessions and seats. Every change may give `reason` and
 * `supportRequestId`; both are recorded with its events in the audit trail, the staff member as
 * their actor (ADR 0080).
 */
@ApiTags('enrollments: staff')
@Controller('admin/enrollments')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class AdminEnrollmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  @Get('courses')
  @ApiOperation({ summary: 'Every course with its sessions' })
  @ApiOkResponse({ type: CourseListDto })
  async courses(): Promise<CourseListDto> {
    return { items: await this.queries.execute(new ListCoursesQuery()) };
  }

  @Post('courses')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Add a course to the catalogue' })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'COURSE_CODE_TAKEN' })
  async createCourse(@Body() body: CreateCourseDto): Promise<CourseView> {
    this.context.noteStaffAction(body);
    const { courseId } = await this.commands.execute(
      new CreateCourseCommand({
        code: body.code,
        title: body.title,
        kind: body.kind,
        qaEligible: body.qaEligible,
      }),
    );
    return this.course(courseId);
  }

  @Patch('courses/:courseId')
  @ApiOperation({ summary: 'Change a course’s title or QA eligibility' })
  @ApiParam({ name: 'courseId', format: 'uuid' })
  @ApiOkResponse({ type: CourseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'COURSE_NOT_FOUND' })
  async changeCourse(
    @Param('courseId') courseId: string,
    @Body() body: ChangeCourseDto,
  ): Promise<CourseView> {
    this.context.noteStaffAction(body);
    await this.commands.execute(
      new ChangeCourseCommand(courseId, { title: body.title, qaEligible: body.qaEligible }),
    );
    return this.course(courseId);
  }

  @Post('courses/:courseId/sessions')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Schedule a session (draft)',
    description:
      'classroom: `{date, venue, capacity}`; e-learning: `{accessStart, accessEnd, capacity?}`. ' +
      'Fields of the other kind, or an end before the start, are refused.',
  })
  @ApiParam({ name: 'courseId', format: 'uuid' })
  @ApiCreatedResponse({ type: CourseSessionDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'COURSE_NOT_FOUND' })
  async scheduleSession(
    @Param('courseId') courseId: string,
    @Body() body: ScheduleSessionDto,
  ): Promise<SessionView> {
    this.context.noteStaffAction(body);
    const { sessionId } = await this.commands.execute(
      new ScheduleSessionCommand(courseId, {
        date: body.date,
        venue: body.venue,
        capacity: body.capacity,
        accessStart: body.accessStart,
        accessEnd: body.accessEnd,
      }),
    );
    return this.session(sessionId);
  }

  @Post('sessions/:sessionId/opening')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Open the session for applications' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOkResponse({ type: CourseSessionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SESSION_NOT_FOUND' })
  async open(
    @Param('sessionId') sessionId: string,
    @Body() body: StaffActionDto,
  ): Promise<SessionView> {
    this.context.noteStaffAction(body);
    await this.commands.execute(new OpenSessionCommand(sessionId));
    return this.session(sessionId);
  }

  @Post('sessions/:sessionId/closing')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the session to applications' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOkResponse({ type: CourseSessionDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SESSION_NOT_FOUND' })
  async close(
    @Param('sessionId') sessionId: string,
    @Body() body: StaffActionDto,
  ): Promise<SessionView> {
    this.context.noteStaffAction(body);
    await this.commands.execute(new CloseSessionCommand(sessionId));
    return this.session(sessionId);
  }

  @Get('sessions/:sessionId')
  @ApiOperation({ summary: 'The session with every attendee, its application and applicant' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOkResponse({ type: CourseSessionDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SESSION_NOT_FOUND' })
  async sessionDetail(@Param('sessionId') sessionId: string): Promise<SessionDetailView> {
    const view = await this.queries.execute(new GetSessionDetailQuery(sessionId));
    if (!view) throw new SessionNotFoundError();
    return view;
  }

  @Post('sessions/:sessionId/confirmations')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Confirm seats: received attendees get a ticket (mailed); others are left alone',
  })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOkResponse({ type: ConfirmedDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, ATTENDEE_NOT_IN_SESSION',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SESSION_NOT_FOUND' })
  confirm(
    @Param('sessionId') sessionId: string,
    @Body() body: AttendeeIdsDto,
  ): Promise<ConfirmedDto> {
    this.context.noteStaffAction(body);
    return this.commands.execute(new ConfirmAttendeesCommand(sessionId, body.attendeeIds));
  }

  @Post('sessions/:sessionId/completions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Record completion: confirmed attendees get a certificate (mailed); others are left alone',
  })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOkResponse({ type: CompletedDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, ATTENDEE_NOT_IN_SESSION',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SESSION_NOT_FOUND' })
  complete(
    @Param('sessionId') sessionId: string,
    @Body() body: AttendeeIdsDto,
  ): Promise<CompletedDto> {
    this.context.noteStaffAction(body);
    return this.commands.execute(new CompleteAttendeesCommand(sessionId, body.attendeeIds));
  }

  @Get('applications')
  @ApiOperation({ summary: 'The applications of an account (made by it or for it), newest first' })
  @ApiOkResponse({ type: ApplicationListDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  async applications(@Query() query: ApplicationsOfAccountQueryDto): Promise<ApplicationListDto> {
    const account = await this.queries.execute(new FindAccountForLoginQuery(query.userId));
    if (!account) throw new AccountNotFoundError();
    return { items: await this.queries.execute(new ListApplicationsQuery(account.accountId)) };
  }

  @Post('applications/:applicationId/cancellation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel seats at any time (all live ones when attendeeIds is absent); reason required',
  })
  @ApiParam({ name: 'applicationId', format: 'uuid' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (no reason)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ATTENDEE_NOT_CANCELLABLE' })
  async cancel(
    @Param('applicationId') applicationId: string,
    @Body() body: StaffCancellationDto,
  ): Promise<ApplicationView> {
    this.context.noteStaffAction(body);
    await this.commands.execute(
      new CancelSeatsCommand(applicationId, body.attendeeIds, { kind: 'staff' }),
    );
    const view = await this.queries.execute(new GetApplicationQuery(applicationId, null));
    if (!view) throw new ApplicationNotFoundError();
    return view;
  }

  private async course(courseId: string): Promise<CourseView> {
    const view = await this.queries.execute(new GetCourseQuery(courseId));
    if (!view) throw new CourseNotFoundError();
    return view;
  }

  private async session(sessionId: string): Promise<SessionView> {
    const view = await this.queries.execute(new GetSessionQuery(sessionId));
    if (!view) throw new SessionNotFoundError();
    return view;
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListOpenSessionsQuery } from '../application/queries/list-open-sessions/list-open-sessions.query';
import { OpenSessionsQueryDto, CourseSessionListDto } from './enrollments.dto';

/** What anyone may see before logging in: the sessions taking applications. */
@ApiTags('enrollments')
@Controller('enrollments')
export class EnrollmentsCatalogueController {
  constructor(private readonly queries: QueryBus) {}

  @Get('sessions')
  @ApiOperation({
    summary: 'Open sessions whose date (or access end) is today or later, soonest first',
  })
  @ApiOkResponse({ type: CourseSessionListDto })
  async sessions(@Query() query: OpenSessionsQueryDto): Promise<CourseSessionListDto> {
    return { items: await this.queries.execute(new ListOpenSessionsQuery(query.courseCode)) };
  }
}

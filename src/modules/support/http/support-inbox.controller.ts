import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, ErrorResponseDto, RequireRoles } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { AnswerSupportRequestCommand } from '../application/commands/answer-support-request/answer-support-request.command';
import { CloseSupportRequestCommand } from '../application/commands/close-support-request/close-support-request.command';
import { TakeSupportRequestCommand } from '../application/commands/take-support-request/take-support-request.command';
import { GetSupportRequestQuery } from '../application/queries/get-support-request/get-support-request.query';
import { ListSupportRequestsQuery } from '../application/queries/list-support-requests/list-support-requests.query';
import {
  InboxQueryDto,
  ReplyDto,
  SupportRequestDetailDto,
  SupportRequestIdParamsDto,
  SupportRequestPageDto,
} from './support.dto';

@ApiTags('support: inbox')
@Controller('admin/support/requests')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class SupportInboxController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Support requests in one status (default open), oldest first' })
  @ApiOkResponse({ type: SupportRequestPageDto })
  list(@Query() query: InboxQueryDto): Promise<SupportRequestPageDto> {
    return this.queries.execute(
      new ListSupportRequestsQuery({
        status: query.status ?? 'open',
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
      }),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One support request, with the staff actions taken for it' })
  @ApiOkResponse({ type: SupportRequestDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SUPPORT_REQUEST_NOT_FOUND' })
  read(@Param() params: SupportRequestIdParamsDto): Promise<SupportRequestDetailDto> {
    return this.queries.execute(new GetSupportRequestQuery(params.id));
  }

  @Post(':id/take')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take the request: in progress with the caller' })
  @ApiOkResponse({ type: SupportRequestDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SUPPORT_REQUEST_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'SUPPORT_REQUEST_TAKEN (by another), SUPPORT_REQUEST_CLOSED',
  })
  async take(
    @CurrentActor() staff: AuthenticatedActor,
    @Param() params: SupportRequestIdParamsDto,
  ): Promise<SupportRequestDetailDto> {
    await this.commands.execute(new TakeSupportRequestCommand(params.id, staff.accountId));
    return this.queries.execute(new GetSupportRequestQuery(params.id));
  }

  @Post(':id/reply')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reply: mailed to the customer in their language; closes the request',
    description:
      'Of two replies at once exactly one is mailed; the other answers 409 SUPPORT_REQUEST_CLOSED.',
  })
  @ApiOkResponse({ type: SupportRequestDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SUPPORT_REQUEST_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SUPPORT_REQUEST_CLOSED' })
  async reply(
    @CurrentActor() staff: AuthenticatedActor,
    @Param() params: SupportRequestIdParamsDto,
    @Body() body: ReplyDto,
  ): Promise<SupportRequestDetailDto> {
    await this.commands.execute(
      new AnswerSupportRequestCommand(params.id, staff.accountId, body.reply),
    );
    return this.queries.execute(new GetSupportRequestQuery(params.id));
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close without a reply' })
  @ApiOkResponse({ type: SupportRequestDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'SUPPORT_REQUEST_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'SUPPORT_REQUEST_CLOSED' })
  async close(
    @CurrentActor() staff: AuthenticatedActor,
    @Param() params: SupportRequestIdParamsDto,
  ): Promise<SupportRequestDetailDto> {
    await this.commands.execute(new CloseSupportRequestCommand(params.id, staff.accountId));
    return this.queries.execute(new GetSupportRequestQuery(params.id));
  }
}

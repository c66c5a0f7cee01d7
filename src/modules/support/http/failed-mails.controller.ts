import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequireRoles } from '@app/platform';
import { ListFailedMailsQuery, RetryFailedMailCommand } from '../../mail/public-api';
import { FailedMailListDto, FailedMailParamsDto } from './support.dto';

@ApiTags('support: failed mails')
@Controller('admin/support/failed-mails')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class FailedMailsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Mails whose delivery gave up, with their last error, newest first' })
  @ApiOkResponse({ type: FailedMailListDto })
  async list(): Promise<FailedMailListDto> {
    return { items: await this.queries.execute(new ListFailedMailsQuery()) };
  }

  @Post(':jobId/retry')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a failed mail again' })
  @ApiAcceptedResponse({ description: 'Queued again' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'FAILED_MAIL_NOT_FOUND' })
  async retry(@Param() params: FailedMailParamsDto): Promise<{ status: 'queued' }> {
    await this.commands.execute(new RetryFailedMailCommand(params.jobId));
    return { status: 'queued' };
  }
}

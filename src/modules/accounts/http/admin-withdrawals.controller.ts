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
import { ErrorResponseDto, RequestContext, RequireRoles, StaffActionDto } from '@app/platform';
import { CompleteWithdrawalCommand } from '../application/commands/complete-withdrawal/complete-withdrawal.command';
import { ListWithdrawalRequestsQuery } from '../application/queries/list-withdrawal-requests/list-withdrawal-requests.query';
import { DEFAULT_PAGE_SIZE } from '../application/queries/page';
import { PageQueryDto, WithdrawalCompletedDto, WithdrawalRequestListDto } from './dto/admin.dto';

@ApiTags('support: withdrawals')
@Controller('admin/withdrawals')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class AdminWithdrawalsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Pending withdrawal requests, oldest first' })
  @ApiOkResponse({ type: WithdrawalRequestListDto })
  list(@Query() query: PageQueryDto): Promise<WithdrawalRequestListDto> {
    return this.queries.execute(
      new ListWithdrawalRequestsQuery({
        page: query.page ?? 1,
        pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }

  @Post(':userId/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Carry out a requested withdrawal',
    description:
      'Anonymises the personal data (the ID stays reserved forever), revokes every session, erases the two-factor secret, ' +
      'removes the account from its group, takes its staff roles and mails a confirmation. A second call answers 409 ' +
      "ACCOUNT_WITHDRAWN; the service's last administrator is not withdrawn (409 LAST_ADMIN_ROLE): grant the role to " +
      'another account first. Optional body `{ reason, supportRequestId }`, recorded in the audit trail.',
  })
  @ApiOkResponse({ type: WithdrawalCompletedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'ACCOUNT_WITHDRAWN, WITHDRAWAL_NOT_REQUESTED, LAST_ADMIN_ROLE',
  })
  async complete(
    @Param('userId') userId: string,
    @Body() action: StaffActionDto,
  ): Promise<WithdrawalCompletedDto> {
    this.context.noteStaffAction(action);
    const result = await this.commands.execute(new CompleteWithdrawalCommand(userId));
    return { userId: result.userId, status: 'withdrawn' };
  }
}

import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  UseInterceptors,
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
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequestContext, RequireRoles, StaffActionDto } from '@app/platform';
import { GetAuditTrailQuery } from '../../audit/public-api';
import { RegisterAccountWithAssignedIdCommand } from '../application/commands/register-account-with-assigned-id/register-account-with-assigned-id.command';
import { RequestRenewalCommand } from '../application/commands/request-renewal/request-renewal.command';
import { GetAccountDetailQuery } from '../application/queries/get-account-detail/get-account-detail.query';
import { LookUpAccountIdQuery } from '../application/queries/look-up-account-id/look-up-account-id.query';
import { DEFAULT_PAGE_SIZE } from '../application/queries/page';
import { SearchAccountsQuery } from '../application/queries/search-accounts/search-accounts.query';
import { AccountNotFoundError } from '../domain/accounts.errors';
import {
  AccountDetailDto,
  AccountSearchResultDto,
  AuditTrailDto,
  AuditTrailQueryDto,
  RenewalRequestedDto,
  SearchAccountsQueryDto,
} from './dto/admin.dto';
import { StaffRegisteredAccountDto, StaffRegistrationDto } from './dto/registration.dto';
import { RefuseTwoFactorFieldsInterceptor } from './refuse-two-factor-fields.interceptor';

@ApiTags('support: accounts')
@Controller('admin/accounts')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class AdminAccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly context: RequestContext,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @UseInterceptors(RefuseTwoFactorFieldsInterceptor)
  @ApiOperation({
    summary: 'Register a customer from a paper application form',
    description:
      'The user ID is assigned automatically; the customer is mailed the ID and a temporary password.',
  })
  @ApiCreatedResponse({ type: StaffRegisteredAccountDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'EMAIL_INVALID, PROFILE_INVALID, VALIDATION_FAILED',
  })
  async register(@Body() body: StaffRegistrationDto): Promise<StaffRegisteredAccountDto> {
    const { userId } = await this.commands.execute(
      new RegisterAccountWithAssignedIdCommand({ ...body, registeredBy: 'staff' }),
    );
    return { userId, type: body.type };
  }

  @Get()
  @ApiOperation({
    summary: 'Search accounts by part of the user ID, e-mail or name, and by status',
  })
  @ApiOkResponse({ type: AccountSearchResultDto })
  search(@Query() query: SearchAccountsQueryDto): Promise<AccountSearchResultDto> {
    return this.queries.execute(
      new SearchAccountsQuery({
        text: query.q,
        status: query.status,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }

  @Get(':userId')
  @ApiOperation({ summary: 'Account detail: status, renewal, withdrawal and two-factor state' })
  @ApiOkResponse({ type: AccountDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  async detail(@Param('userId') userId: string): Promise<AccountDetailDto> {
    const detail = await this.queries.execute(new GetAccountDetailQuery(userId));
    if (!detail) throw new AccountNotFoundError();
    return detail;
  }

  @Post(':userId/renewal')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Ask the account to renew (re-confirm) its registration at the next login',
    description: 'Optional body `{ reason, supportRequestId }`, recorded in the audit trail.',
  })
  @ApiOkResponse({ type: RenewalRequestedDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ACCOUNT_WITHDRAWN' })
  async requestRenewal(
    @Param('userId') userId: string,
    @Body() action: StaffActionDto,
  ): Promise<RenewalRequestedDto> {
    this.context.noteStaffAction(action);
    const result = await this.commands.execute(new RequestRenewalCommand(userId));
    return { ...result, renewalRequired: true };
  }

  @Get(':userId/audit')
  @ApiOperation({
    summary: "The account's audit trail, newest first (withdrawn accounts included)",
    description: 'Optionally only some event `types`, and only entries in `[from, to)`.',
  })
  @ApiOkResponse({ type: AuditTrailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  async auditTrail(
    @Param('userId') userId: string,
    @Query() query: AuditTrailQueryDto,
  ): Promise<AuditTrailDto> {
    const accountId = await this.queries.execute(new LookUpAccountIdQuery(userId));
    if (!accountId) throw new AccountNotFoundError();
    const items = await this.queries.execute(
      new GetAuditTrailQuery(accountId, query.limit ?? 100, query.before, {
        types: query.types,
        from: query.from,
        to: query.to,
      }),
    );
    return { userId, items };
  }
}

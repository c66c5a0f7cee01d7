import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequireRoles } from '@app/platform';
import { AccountNotFoundError } from '../../accounts/public-api';
import { GetSupportAccountQuery } from '../application/queries/get-support-account/get-support-account.query';
import { SearchSupportAccountsQuery } from '../application/queries/search-support-accounts/search-support-accounts.query';
import type { SupportAccountView } from '../application/queries/get-support-account/get-support-account.query';
import type { SupportAccountPage } from '../application/queries/search-support-accounts/search-support-accounts.query';
import {
  SupportAccountPageDto,
  SupportAccountSearchDto,
  SupportAccountViewDto,
} from './support.dto';

@ApiTags('support: accounts')
@Controller('admin/support/accounts')
@RequireRoles('support', 'admin')
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN (no staff role)' })
export class SupportAccountsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Search accounts with badges (cool-down, two-factor lock, withdrawal, renewal, staff role)',
  })
  @ApiOkResponse({ type: SupportAccountPageDto })
  search(@Query() query: SupportAccountSearchDto): Promise<SupportAccountPage> {
    return this.queries.execute(
      new SearchSupportAccountsQuery({
        text: query.q,
        type: query.type,
        status: query.status,
        groupId: query.groupId,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
      }),
    );
  }

  @Get(':userId')
  @ApiOperation({
    summary:
      'The account page: profile, status, group, two-factor, sessions, last logins, open requests',
    description:
      'The audit trail is `GET /admin/accounts/{userId}/audit` (filters `types`, `from`, `to`).',
  })
  @ApiOkResponse({ type: SupportAccountViewDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'ACCOUNT_NOT_FOUND' })
  async read(@Param('userId') userId: string): Promise<SupportAccountView> {
    const view = await this.queries.execute(new GetSupportAccountQuery(userId));
    if (!view) throw new AccountNotFoundError();
    return view;
  }
}

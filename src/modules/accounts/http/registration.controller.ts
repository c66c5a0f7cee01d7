import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, RateLimiter } from '@app/platform';
import { AccountsSettings } from '../application/accounts-settings';
import { RegisterAccountCommand } from '../application/commands/register-account/register-account.command';
import { CheckUserIdAvailabilityQuery } from '../application/queries/check-user-id-availability/check-user-id-availability.query';
import {
  RegisterAccountDto,
  RegisteredAccountDto,
  UserIdAvailabilityDto,
  UserIdAvailabilityQueryDto,
} from './dto/registration.dto';
import { RefuseTwoFactorFieldsInterceptor } from './refuse-two-factor-fields.interceptor';

@ApiTags('registration')
@Controller('accounts')
export class RegistrationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rateLimiter: RateLimiter,
    private readonly settings: AccountsSettings,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @UseInterceptors(RefuseTwoFactorFieldsInterceptor)
  @ApiOperation({
    summary: 'Register an individual, corporate or group account',
    description:
      'Two-factor authentication cannot be requested here (TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION): it is switched on from My Page afterwards. ' +
      'Registering a group account also creates the group, with the registrant as its first administrator.',
  })
  @ApiCreatedResponse({ type: RegisteredAccountDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'USER_ID_INVALID, PASSWORD_POLICY_VIOLATION, EMAIL_INVALID, PROFILE_INVALID, TWO_FACTOR_NOT_AVAILABLE_AT_REGISTRATION, VALIDATION_FAILED',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'USER_ID_TAKEN' })
  async register(@Body() body: RegisterAccountDto): Promise<RegisteredAccountDto> {
    const { userId, type } = await this.commands.execute(new RegisterAccountCommand(body));
    return { userId, type };
  }

  @Get('user-id-availability')
  @ApiOperation({ summary: 'Whether a user ID can still be registered (rate-limited per client)' })
  @ApiOkResponse({ type: UserIdAvailabilityDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'USER_ID_INVALID' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  async availability(
    @Query() query: UserIdAvailabilityQueryDto,
    @Ip() clientIp: string,
  ): Promise<UserIdAvailabilityDto> {
    // The answer tells whether an ID exists, so it is rationed per client like any enumeration surface.
    await this.rateLimiter.enforce([
      {
        key: `accounts:user-id-availability:${clientIp}`,
        limit: this.settings.USER_ID_AVAILABILITY_LIMIT_PER_MINUTE,
        windowMs: 60_000,
      },
    ]);
    return this.queries.execute(new CheckUserIdAvailabilityQuery(query.userId));
  }
}

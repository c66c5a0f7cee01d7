import { Body, Controller, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '@app/platform';
import { LookUpUserIdsCommand } from '../application/commands/look-up-user-ids/look-up-user-ids.command';
import { RequestLookupPasswordCommand } from '../application/commands/request-lookup-password/request-lookup-password.command';
import { RequestPasswordReissueCommand } from '../application/commands/request-password-reissue/request-password-reissue.command';
import {
  LookedUpUserIdsDto,
  LookUpUserIdsDto,
  RecoveryAcceptedDto,
  RequestLookupPasswordDto,
  RequestPasswordReissueDto,
} from './recovery.dto';

const ACCEPTED: RecoveryAcceptedDto = { status: 'accepted' };

@ApiTags('recovery')
@Controller('recovery')
export class RecoveryController {
  constructor(private readonly commands: CommandBus) {}

  @Post('user-id/lookup-password')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'User-ID lookup, step 1: mail a one-time lookup password to the address',
    description:
      'Always 202 with the same body: a mail goes out only when active accounts use the address. ' +
      'The lookup password is valid 30 minutes, works once, and a newer one voids it.',
  })
  @ApiAcceptedResponse({ type: RecoveryAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  async requestLookupPassword(
    @Body() body: RequestLookupPasswordDto,
    @Ip() clientIp: string,
  ): Promise<RecoveryAcceptedDto> {
    await this.commands.execute(new RequestLookupPasswordCommand(body.email, clientIp ?? null));
    return ACCEPTED;
  }

  @Post('user-id')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'User-ID lookup, step 2: the user IDs registered to the address',
    description: 'Needs the mailed lookup password; after 5 wrong ones it is void.',
  })
  @ApiOkResponse({ type: LookedUpUserIdsDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'INVALID_LOOKUP_PASSWORD' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  async lookUpUserIds(
    @Body() body: LookUpUserIdsDto,
    @Ip() clientIp: string,
  ): Promise<LookedUpUserIdsDto> {
    return this.commands.execute(
      new LookUpUserIdsCommand(body.email, body.lookupPassword, clientIp ?? null),
    );
  }

  @Post('password')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Password re-issue: mail a temporary password',
    description:
      'Always 202 with the same body: a temporary password (30 minutes, single use) is mailed only when ' +
      'the user ID is active, not two-factor-locked and registered with this address. The current ' +
      'password keeps working until the temporary one is used.',
  })
  @ApiAcceptedResponse({ type: RecoveryAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  async requestPasswordReissue(
    @Body() body: RequestPasswordReissueDto,
    @Ip() clientIp: string,
  ): Promise<RecoveryAcceptedDto> {
    await this.commands.execute(
      new RequestPasswordReissueCommand(body.userId, body.email, clientIp ?? null),
    );
    return ACCEPTED;
  }
}

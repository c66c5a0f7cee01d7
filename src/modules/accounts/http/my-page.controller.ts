import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentActor, ErrorResponseDto, UnauthenticatedError } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { ConfirmRegistrationCommand } from '../application/commands/confirm-registration/confirm-registration.command';
import { EditProfileCommand } from '../application/commands/edit-profile/edit-profile.command';
import { RequestWithdrawalCommand } from '../application/commands/request-withdrawal/request-withdrawal.command';
import { GetMyPageQuery } from '../application/queries/get-my-page/get-my-page.query';
import type { MyPageView } from '../application/queries/get-my-page/get-my-page.query';
import {
  EditMyPageDto,
  MyPageDto,
  WithdrawalAcceptedDto,
  WithdrawalRequestDto,
} from './dto/my-page.dto';

@ApiTags('my page')
@Controller('me')
@Authenticated()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'UNAUTHENTICATED' })
export class MyPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The logged-in account: ID, type, e-mail, profile, two-factor state, pending renewal',
  })
  @ApiOkResponse({ type: MyPageDto })
  show(@CurrentActor() actor: AuthenticatedActor): Promise<MyPageDto> {
    return this.myPage(actor);
  }

  @Patch()
  @ApiOperation({
    summary:
      'Change the profile, language or e-mail address (the type and the user ID never change)',
    description:
      'A new e-mail address needs the current `password`; the old address is notified. Saving also confirms a pending renewal.',
  })
  @ApiOkResponse({ type: MyPageDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'ACCOUNT_TYPE_IMMUTABLE, USER_ID_IMMUTABLE, PROFILE_INVALID, EMAIL_INVALID, CURRENT_PASSWORD_REQUIRED, VALIDATION_FAILED',
  })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'CURRENT_PASSWORD_INCORRECT, UNAUTHENTICATED',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'TOO_MANY_ATTEMPTS (password checks)',
  })
  async edit(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: EditMyPageDto,
  ): Promise<MyPageDto> {
    await this.commands.execute(new EditProfileCommand(actor.accountId, body));
    return this.myPage(actor);
  }

  @Post('renewal-confirmation')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Confirm that the registered details are still right (clears a renewal request)',
  })
  @ApiOkResponse({ type: MyPageDto })
  async confirmRegistration(@CurrentActor() actor: AuthenticatedActor): Promise<MyPageDto> {
    await this.commands.execute(new ConfirmRegistrationCommand(actor.accountId));
    return this.myPage(actor);
  }

  @Post('withdrawal')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Apply for withdrawal; support carries it out and a confirmation mail follows',
  })
  @ApiAcceptedResponse({ type: WithdrawalAcceptedDto })
  @ApiUnauthorizedResponse({
    type: ErrorResponseDto,
    description: 'CURRENT_PASSWORD_INCORRECT, UNAUTHENTICATED',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'WITHDRAWAL_ALREADY_REQUESTED' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description: 'TOO_MANY_ATTEMPTS (password checks)',
  })
  async requestWithdrawal(
    @CurrentActor() actor: AuthenticatedActor,
    @Body() body: WithdrawalRequestDto,
  ): Promise<WithdrawalAcceptedDto> {
    await this.commands.execute(
      new RequestWithdrawalCommand(actor.accountId, body.password, body.reason ?? null),
    );
    return { status: 'withdrawal_requested' };
  }

  private async myPage(actor: AuthenticatedActor): Promise<MyPageView> {
    const view = await this.queries.execute(new GetMyPageQuery(actor.accountId));
    // A session can outlive its account by the moment it takes to revoke it after a withdrawal.
    if (!view) throw new UnauthenticatedError();
    return view;
  }
}

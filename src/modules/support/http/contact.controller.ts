import { Body, Controller, Headers, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto, negotiateLanguage } from '@app/platform';
import { SubmitContactFormCommand } from '../application/commands/submit-contact-form/submit-contact-form.command';
import { ContactAcceptedDto, ContactFormDto } from './support.dto';

const ACCEPTED: ContactAcceptedDto = { status: 'accepted' };

@ApiTags('support: contact form')
@Controller('support/contact')
export class ContactController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'The contact form (no login): a support request, and a receipt mail with its number',
    description:
      'Always 202 with the same body and headers, whether or not the user ID or the address exist. ' +
      'The request is linked to the account only when the user ID and the address belong to the same ' +
      'one; otherwise support sees it as unverified. Limited per address and per client IP ' +
      '(429 TOO_MANY_ATTEMPTS with Retry-After).',
  })
  @ApiAcceptedResponse({ type: ContactAcceptedDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  async submit(
    @Body() body: ContactFormDto,
    @Ip() clientIp: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ContactAcceptedDto> {
    await this.commands.execute(
      new SubmitContactFormCommand(
        { ...body, language: negotiateLanguage(acceptLanguage) },
        clientIp ?? null,
      ),
    );
    return ACCEPTED;
  }
}

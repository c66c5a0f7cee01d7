import { Controller, Get, Header, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentActor, ErrorResponseDto } from '@app/platform';
import type { AuthenticatedActor } from '@app/platform';
import { ExportPersonalDataCommand } from '../application/commands/export-personal-data/export-personal-data.command';
import type { PersonalDataExport } from '../application/commands/export-personal-data/export-personal-data.command';

@ApiTags('my page')
@Controller('me')
@Authenticated()
@ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'UNAUTHENTICATED' })
export class MyDataController {
  constructor(private readonly commands: CommandBus) {}

  @Get('export')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOperation({
    summary:
      'Download my data: profile, e-mail, type, group, two-factor state, sessions, staff roles and my audit trail',
    description:
      'A JSON file (`Content-Disposition: attachment`). Never contains a secret; recorded in the audit trail; at most `PERSONAL_DATA_EXPORTS_PER_HOUR` per hour.',
  })
  @ApiOkResponse({ description: 'The JSON document, as an attachment' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'TOO_MANY_ATTEMPTS' })
  async export(
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonalDataExport> {
    const data = await this.commands.execute(
      new ExportPersonalDataCommand(actor.accountId, actor.sessionId),
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="my-data-${actor.userId}-${data.exportedAt.slice(0, 10)}.json"`,
    );
    return data;
  }
}

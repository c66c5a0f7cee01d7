import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto, RequireRoles } from '@app/platform';
import { ExportAuditTrailQuery } from '../application/queries/export-audit-trail/export-audit-trail.query';
import type { AuditEntryView } from '../application/queries/get-audit-trail/get-audit-trail.query';
import { AuditExportQueryDto } from './audit-export.dto';
import { CSV_HEADER, toCsvLine } from './audit-csv';

@ApiTags('support')
@Controller('admin/audit')
@RequireRoles('support', 'admin')
export class AuditExportController {
  constructor(private readonly queries: QueryBus) {}

  @Get('export')
  @ApiOperation({
    summary: 'Export the audit trail of a date range as JSON Lines or CSV (streamed)',
    description:
      'Oldest first. `from` inclusive, `to` exclusive, at most `AUDIT_EXPORT_MAX_DAYS` days; `types` narrows to event types.',
  })
  @ApiOkResponse({ description: 'application/x-ndjson or text/csv, as an attachment' })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, AUDIT_EXPORT_RANGE_INVALID',
  })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'FORBIDDEN' })
  async export(@Query() query: AuditExportQueryDto): Promise<StreamableFile> {
    const format = query.format ?? 'jsonl';
    const entries = await this.queries.execute(
      new ExportAuditTrailQuery({
        from: new Date(query.from),
        to: new Date(query.to),
        types: query.types ?? [],
      }),
    );
    const name = `audit-${query.from.slice(0, 10)}-${query.to.slice(0, 10)}.${format}`;
    return new StreamableFile(Readable.from(lines(entries, format)), {
      type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      disposition: `attachment; filename="${name}"`,
    });
  }
}

async function* lines(entries: AsyncIterable<AuditEntryView>, format: 'jsonl' | 'csv') {
  if (format === 'csv') yield `${CSV_HEADER}\r\n`;
  for await (const entry of entries)
    yield format === 'csv' ? `${toCsvLine(entry)}\r\n` : `${JSON.stringify(entry)}\n`;
}

import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

export class AuditExportQueryDto {
  @ApiProperty({
    description: 'Start of the range (inclusive), ISO 8601 date or date-time',
    example: '2026-01-01',
  })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({
    description: 'End of the range (exclusive), ISO 8601 date or date-time',
    example: '2026-02-01',
  })
  @IsISO8601({ strict: true })
  to!: string;

  @ApiPropertyOptional({
    description:
      'Comma-separated event types (e.g. `authentication.login-failed,two-factor.locked`); all when absent',
    type: String,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9-]+\.[a-z0-9-]+$/, { each: true })
  types?: string[];

  @ApiPropertyOptional({ enum: ['jsonl', 'csv'], default: 'jsonl' })
  @IsOptional()
  @IsIn(['jsonl', 'csv'])
  format?: 'jsonl' | 'csv';
}

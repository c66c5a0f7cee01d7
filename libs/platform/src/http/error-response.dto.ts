import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorResponseDto {
  /** The list of codes is filled in from the error registry when the document is built. */
  @ApiProperty({ description: 'Stable machine-readable error code', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({
    description:
      'Human-readable message in the language chosen by Accept-Language (ja default, en)',
  })
  message!: string;

  @ApiPropertyOptional({
    description: 'Per-field problems or other structured details',
    type: Object,
  })
  details?: Record<string, unknown>;
}

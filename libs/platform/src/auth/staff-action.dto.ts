import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const STAFF_REASON_MAX_LENGTH = 500;

const REASON = {
  maxLength: STAFF_REASON_MAX_LENGTH,
  description: 'Why the staff member acts; stored with the audit record of the action',
  example: 'お問い合わせフォームで機種変更の連絡あり',
};

class SupportRequestLinkDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The support request this action answers; the action is listed with it',
  })
  @IsOptional()
  @IsUUID()
  supportRequestId?: string;
}

/**
 * The optional body of a staff action on an account (ADR 0080): why, and from which support
 * request. Both travel in the request context into the audit record of every event the action
 * raises. An action called without a body, as before, records neither.
 */
export class StaffActionDto extends SupportRequestLinkDto {
  @ApiPropertyOptional(REASON)
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(STAFF_REASON_MAX_LENGTH)
  reason?: string;
}

/** The body of the actions added with the support console: there the reason is required. */
export class StaffActionWithReasonDto extends SupportRequestLinkDto {
  @ApiProperty(REASON)
  @IsString()
  @IsNotEmpty()
  @MaxLength(STAFF_REASON_MAX_LENGTH)
  reason!: string;
}

import { PageQueryDto } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  SUPPORT_CATEGORIES,
  SUPPORT_MESSAGE_MAX_LENGTH,
  SUPPORT_REPLY_MAX_LENGTH,
  SUPPORT_STATUSES,
} from '../domain/support-request-category';
import type { SupportCategory, SupportStatus } from '../domain/support-request-category';

/** Loose on purpose, as recovery's: an address accounts accepted is never refused here. */
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+$/;

const ACCOUNT_TYPES = ['individual', 'corporate', 'group'] as const;
const ACCOUNT_STATUSES = ['active', 'withdrawal_requested', 'withdrawn'] as const;

export class ContactFormDto {
  @ApiProperty({ enum: SUPPORT_CATEGORIES, example: 'two_factor_locked' })
  @IsIn(SUPPORT_CATEGORIES)
  category!: SupportCategory;

  @ApiPropertyOptional({
    description: 'The user ID, if the customer knows it',
    example: 'yamada01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  userId?: string;

  @ApiProperty({ description: 'Where the receipt and the reply go', example: 'yamada@example.jp' })
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_SHAPE, { message: 'must be an e-mail address' })
  email!: string;

  @ApiProperty({
    maxLength: SUPPORT_MESSAGE_MAX_LENGTH,
    example: '機種変更で認証コードが表示されません。',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUPPORT_MESSAGE_MAX_LENGTH)
  message!: string;
}

/** The same body whatever the outcome: it reveals nothing about accounts. */
export class ContactAcceptedDto {
  @ApiProperty({ enum: ['accepted'] }) status!: 'accepted';
}

export class InboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: SUPPORT_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(SUPPORT_STATUSES)
  status?: SupportStatus;
}

export class SupportRequestIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class ReplyDto {
  @ApiProperty({
    maxLength: SUPPORT_REPLY_MAX_LENGTH,
    description: 'Mailed to the customer as written',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SUPPORT_REPLY_MAX_LENGTH)
  reply!: string;
}

export class SupportRequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'S-7KQ2M9XW4P' }) requestNumber!: string;
  @ApiProperty({ enum: SUPPORT_STATUSES }) status!: SupportStatus;
  @ApiProperty({ enum: SUPPORT_CATEGORIES }) category!: SupportCategory;
  @ApiProperty({ type: String, nullable: true, description: 'As typed on the form' })
  userId!: string | null;
  @ApiProperty({ description: 'User ID and address belong to one account (then it is linked)' })
  verified!: boolean;
  @ApiProperty({ type: String, nullable: true }) linkedAccountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) linkedUserId!: string | null;
  @ApiProperty() email!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ description: 'Seconds since it was received' }) ageSeconds!: number;
  @ApiProperty({ type: String, nullable: true }) assigneeAccountId!: string | null;
}

export class SupportRequestPageDto {
  @ApiProperty({ type: [SupportRequestSummaryDto] }) items!: SupportRequestSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class SupportRequestDetailDto extends SupportRequestSummaryDto {
  @ApiProperty() message!: string;
  @ApiProperty({ enum: ['ja', 'en'] }) language!: 'ja' | 'en';
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) takenAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) reply!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedByAccountId!: string | null;
  @ApiProperty({
    type: [Object],
    description:
      'Audit entries of the staff actions that named this request (as in the audit trail)',
  })
  actions!: object[];
}

export class SupportAccountSearchDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the user ID, e-mail, name, kana, company or group name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_TYPES })
  @IsOptional()
  @IsIn(ACCOUNT_TYPES)
  type?: (typeof ACCOUNT_TYPES)[number];

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: (typeof ACCOUNT_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only members of this group' })
  @IsOptional()
  @IsUUID()
  groupId?: string;
}

export class AccountBadgesDto {
  @ApiProperty() passwordCooldown!: boolean;
  @ApiProperty() twoFactorLocked!: boolean;
  @ApiProperty() withdrawalRequested!: boolean;
  @ApiProperty() renewalPending!: boolean;
  @ApiProperty({ enum: ['support', 'admin'], isArray: true }) staffRoles!: string[];
}

export class SupportAccountSummaryDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: AccountBadgesDto }) badges!: AccountBadgesDto;
}

export class SupportAccountPageDto {
  @ApiProperty({ type: [SupportAccountSummaryDto] }) items!: SupportAccountSummaryDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class SupportAccountViewDto {
  @ApiProperty({ type: Object, description: 'As `GET /admin/accounts/{userId}`' })
  account!: Record<string, unknown>;
  @ApiProperty({ type: AccountBadgesDto }) badges!: AccountBadgesDto;
  @ApiProperty({ type: Object }) twoFactor!: Record<string, unknown>;
  @ApiProperty({ type: Object, description: '`{ coolingDownUntil, consecutiveFailures }`' })
  passwordCooldown!: Record<string, unknown>;
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '`{ groupId, groupName, isAdministrator, joinedAt }`',
  })
  group!: Record<string, unknown> | null;
  @ApiProperty({ type: [Object], description: 'Live sessions, newest first' })
  sessions!: Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'The last logins, as audit entries' })
  lastLogins!: Record<string, unknown>[];
  @ApiProperty({ type: [SupportRequestSummaryDto] })
  openSupportRequests!: SupportRequestSummaryDto[];
}

export class FailedMailDto {
  @ApiProperty() jobId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ type: String, nullable: true }) subjectAccountId!: string | null;
  @ApiProperty({ description: 'The last delivery error' }) error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) failedAt!: string | null;
}

export class FailedMailListDto {
  @ApiProperty({ type: [FailedMailDto] }) items!: FailedMailDto[];
}

export class FailedMailParamsDto {
  @ApiProperty()
  @IsString()
  @Matches(/^[0-9A-Za-z:_-]{1,64}$/)
  jobId!: string;
}

import { PageQueryDto } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  LANGUAGES,
  REGISTRATION_CHANNELS,
} from '../../domain/account-type';
import type { AccountStatus, AccountType, Language, RegisteredBy } from '../../domain/account-type';
import { AccountRegistered } from '../../domain/accounts.events';
import { ProfileDto } from './profile.dto';

export { PageQueryDto };

export class SearchAccountsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Part of the user ID, e-mail, name, kana, company or group name',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ACCOUNT_STATUSES })
  @IsOptional()
  @IsIn(ACCOUNT_STATUSES)
  status?: AccountStatus;
}

class PageDto {
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
}

export class AccountSummaryDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: AccountType;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameKana!: string | null;
  @ApiProperty({ type: String, nullable: true }) companyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) groupName!: string | null;
  @ApiProperty() renewalRequired!: boolean;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class AccountSearchResultDto extends PageDto {
  @ApiProperty({ type: [AccountSummaryDto] }) items!: AccountSummaryDto[];
}

export class AdminTwoFactorStateDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty() requiredByGroup!: boolean;
  @ApiProperty({ description: 'Locked after too many wrong codes; support unlocks it' })
  locked!: boolean;
}

export class AccountDetailDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: AccountType;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Null once withdrawn' }) email!:
    | string
    | null;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ type: ProfileDto, nullable: true, description: 'Null once withdrawn' })
  profile!: ProfileDto | null;
  @ApiProperty({ enum: REGISTRATION_CHANNELS }) registeredBy!: RegisteredBy;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty() renewalRequired!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) renewalRequestedAt!:
    | string
    | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawalRequestedAt!:
    | string
    | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt!: string | null;
  @ApiProperty({ type: AdminTwoFactorStateDto }) twoFactor!: AdminTwoFactorStateDto;
}

export class RenewalRequestedDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: [true] }) renewalRequired!: true;
  @ApiProperty({
    description: 'False when a renewal was already pending (nothing changed, no second mail)',
  })
  newlyRequested!: boolean;
}

export class WithdrawalRequestViewDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: AccountType;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class WithdrawalRequestListDto extends PageDto {
  @ApiProperty({ type: [WithdrawalRequestViewDto] }) items!: WithdrawalRequestViewDto[];
}

export class WithdrawalCompletedDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['withdrawn'] }) status!: 'withdrawn';
}

export class AuditTrailQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Entries strictly older than this (for paging back)',
  })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  before?: Date;

  @ApiPropertyOptional({
    type: String,
    description: 'Only these event types: comma-separated or repeated (`types=a&types=b`)',
    example: 'authentication.login-succeeded,two-factor.unlocked',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean),
  )
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  types?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this moment' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries strictly before this moment' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class AuditEntryDto {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: AccountRegistered.TYPE }) type!: string;
  @ApiProperty({ type: String, nullable: true }) actorAccountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) subjectAccountId!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The reason the staff member gave for the action that raised this event',
  })
  staffReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The support request it answered' })
  supportRequestId!: string | null;
  @ApiProperty({ type: Object }) payload!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class AuditTrailDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES, LANGUAGES } from '../../domain/account-type';
import type { AccountStatus, AccountType, Language } from '../../domain/account-type';
import { EMAIL_MAX_LENGTH } from '../../domain/email';
import { ProfileChangesDto, ProfileDto } from './profile.dto';

export class TwoFactorStateDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty() requiredByGroup!: boolean;
}

export class MyPageDto {
  @ApiProperty({ description: 'Stable internal id' }) accountId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: AccountType;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: AccountStatus;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ type: ProfileDto }) profile!: ProfileDto;
  @ApiProperty({
    description:
      'Support asked to re-confirm the registration: save the profile or POST /me/renewal-confirmation',
  })
  renewalRequired!: boolean;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ type: TwoFactorStateDto }) twoFactor!: TwoFactorStateDto;
}

export class EditMyPageDto {
  @ApiPropertyOptional({ type: ProfileChangesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ProfileChangesDto)
  profile?: ProfileChangesDto;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({
    description: 'A new address needs `password`; the old address is notified',
  })
  @IsOptional()
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH * 2)
  email?: string;

  @ApiPropertyOptional({
    description: 'The current password, required to change the e-mail address',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    description: 'Cannot change: a different value is refused with ACCOUNT_TYPE_IMMUTABLE',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  type?: string;

  @ApiPropertyOptional({
    description: 'Cannot change: a different value is refused with USER_ID_IMMUTABLE',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  userId?: string;
}

export class WithdrawalRequestDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class WithdrawalAcceptedDto {
  @ApiProperty({ enum: ['withdrawal_requested'] }) status!: 'withdrawal_requested';
}

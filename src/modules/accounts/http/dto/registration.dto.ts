import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ACCOUNT_TYPES, LANGUAGES } from '../../domain/account-type';
import type { AccountType, Language } from '../../domain/account-type';
import { EMAIL_MAX_LENGTH } from '../../domain/email';
import { RegistrationProfileDto } from './profile.dto';

/** Generous bounds against abuse; the real rules (USER_ID_INVALID, PASSWORD_POLICY_VIOLATION) are the domain's. */
const RAW_USER_ID_MAX = 100;
const RAW_PASSWORD_MAX = 1024;

export class RegisterAccountDto {
  @ApiProperty({ enum: ACCOUNT_TYPES, description: 'Fixed for life' })
  @IsIn(ACCOUNT_TYPES)
  type!: AccountType;

  @ApiProperty({
    example: 'Yamada01',
    description:
      '6–20 half-width letters and digits; case-sensitive at login, unique without regard to case',
  })
  @IsString()
  @MaxLength(RAW_USER_ID_MAX)
  userId!: string;

  @ApiProperty({
    description:
      'Follows the password policy (8–64 half-width letters and digits, not the user ID, not a common password)',
  })
  @IsString()
  @MaxLength(RAW_PASSWORD_MAX)
  password!: string;

  @ApiProperty({ example: 'taro@example.jp' })
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH * 2)
  email!: string;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    default: 'ja',
    description: 'Language of mails and messages',
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiProperty({ type: RegistrationProfileDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationProfileDto)
  profile!: RegistrationProfileDto;
}

export class RegisteredAccountDto {
  @ApiProperty({ example: 'Yamada01' }) userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: AccountType;
}

/** Support enters a paper form: no user ID or password (both are assigned and mailed). */
export class StaffRegistrationDto extends PickType(RegisterAccountDto, [
  'type',
  'language',
  'profile',
] as const) {
  @ApiProperty({
    example: 'taro@example.jp',
    description: 'Required: the ID and a temporary password are mailed here',
  })
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH * 2)
  email!: string;
}

export class StaffRegisteredAccountDto {
  @ApiProperty({ description: 'The automatically assigned user ID', example: 'k7m2x9p4qa' })
  userId!: string;
  @ApiProperty({ enum: ACCOUNT_TYPES }) type!: AccountType;
}

export class UserIdAvailabilityQueryDto {
  @ApiPropertyOptional({
    example: 'Yamada01',
    description: 'Missing or malformed: 400 USER_ID_INVALID',
  })
  @IsOptional()
  @IsString()
  @MaxLength(RAW_USER_ID_MAX)
  userId?: string;
}

export class UserIdAvailabilityDto {
  @ApiProperty() available!: boolean;
}

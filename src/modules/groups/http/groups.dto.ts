import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const LANGUAGES = ['ja', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
/** Generous bounds against abuse; the real rules (USER_ID_INVALID, EMAIL_INVALID, PROFILE_INVALID) are the accounts context's. */
const RAW_MAX = 254;

export class MemberProfileDto {
  @ApiProperty({ example: '佐藤 花子' })
  @IsString()
  @MaxLength(RAW_MAX)
  name!: string;

  @ApiProperty({ example: 'サトウ ハナコ', description: 'Katakana or hiragana' })
  @IsString()
  @MaxLength(RAW_MAX)
  nameKana!: string;

  @ApiPropertyOptional({ example: '090-1234-5678' })
  @IsOptional()
  @IsString()
  @MaxLength(RAW_MAX)
  phone?: string;
}

export class RegisterMemberDto {
  @ApiPropertyOptional({
    example: 'Sato0001',
    description: 'Chosen by the administrator; assigned automatically when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(RAW_MAX)
  userId?: string;

  @ApiProperty({
    example: 'hanako@example.jp',
    description: 'The ID and a temporary password are mailed here',
  })
  @IsString()
  @MaxLength(RAW_MAX)
  email!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'ja' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiProperty({ type: MemberProfileDto, description: 'The group name is the group’s' })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MemberProfileDto)
  profile!: MemberProfileDto;
}

export class MemberProfileChangesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(RAW_MAX)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(RAW_MAX)
  nameKana?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '`null` clears it' })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsString()
  @MaxLength(RAW_MAX)
  phone?: string | null;
}

export class ChangeMemberDto {
  @ApiPropertyOptional({ type: MemberProfileChangesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => MemberProfileChangesDto)
  profile?: MemberProfileChangesDto;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class TwoFactorRequirementDto {
  @ApiProperty({
    description: '`true` switches two-factor on for the member; `false` lifts the requirement',
  })
  @IsBoolean()
  required!: boolean;
}

export class RegisteredMemberDto {
  @ApiProperty({ example: 'Sato0001' }) userId!: string;
}

export class MemberTwoFactorDto {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() enrolled!: boolean;
  @ApiProperty() requiredByGroup!: boolean;
  @ApiProperty() locked!: boolean;
}

export class MemberDto {
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty() nameKana!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ enum: LANGUAGES }) language!: Language;
  @ApiProperty({ enum: ['active', 'withdrawal_requested'] }) status!: string;
  @ApiProperty() isAdministrator!: boolean;
  @ApiProperty() joinedAt!: Date;
  @ApiProperty({ type: MemberTwoFactorDto }) twoFactor!: MemberTwoFactorDto;
}

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: [MemberDto] }) members!: MemberDto[];
}

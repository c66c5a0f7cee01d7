import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PROFILE_LIMITS } from '../../domain/profile';

/** Field types and lengths only; which fields a type needs, kana and phone rules are the domain's (PROFILE_INVALID). */
export class RegistrationProfileDto {
  @ApiProperty({ example: '山田 太郎', maxLength: PROFILE_LIMITS.name })
  @IsString()
  @MaxLength(PROFILE_LIMITS.name)
  name!: string;

  @ApiProperty({
    example: 'ヤマダ タロウ',
    description: 'Katakana or hiragana',
    maxLength: PROFILE_LIMITS.nameKana,
  })
  @IsString()
  @MaxLength(PROFILE_LIMITS.nameKana)
  nameKana!: string;

  @ApiPropertyOptional({ example: '03-1234-5678', maxLength: PROFILE_LIMITS.phone })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.phone)
  phone?: string;

  @ApiPropertyOptional({
    description: 'Required for corporate accounts only',
    example: '株式会社サンプル',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.companyName)
  companyName?: string;

  @ApiPropertyOptional({ description: 'Corporate accounts only', example: '人事部' })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.department)
  department?: string;

  @ApiPropertyOptional({
    description: 'Required for group accounts only',
    example: '品質管理研究会',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.groupName)
  groupName?: string;
}

/** A My Page edit: absent fields keep their value, `null` clears an optional one. */
export class ProfileChangesDto {
  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.name })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.name)
  name?: string;

  @ApiPropertyOptional({ maxLength: PROFILE_LIMITS.nameKana })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.nameKana)
  nameKana?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: PROFILE_LIMITS.phone })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.phone)
  phone?: string | null;

  @ApiPropertyOptional({ description: 'Corporate accounts only' })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.companyName)
  companyName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Corporate accounts only' })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.department)
  department?: string | null;

  @ApiPropertyOptional({ description: 'Group accounts only' })
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LIMITS.groupName)
  groupName?: string;
}

export class ProfileDto {
  @ApiProperty() name!: string;
  @ApiProperty() nameKana!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) companyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty({ type: String, nullable: true }) groupName!: string | null;
}

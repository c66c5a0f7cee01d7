import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StaffActionWithReasonDto } from '@app/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MAX_ATTENDEES } from '../domain/application.entity';
import { ApplicationDto, RequestedAttendeeDto } from './enrollments.dto';

const LANGUAGES = ['ja', 'en'] as const;

/** Field types and lengths only: the e-mail and profile rules are the accounts context's. */
export class NewCustomerProfileDto {
  @ApiProperty({ example: '山田 太郎', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'ヤマダ タロウ', description: 'Katakana or hiragana', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  nameKana!: string;

  @ApiPropertyOptional({ example: '03-1234-5678', maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;
}

export class NewCustomerDto {
  @ApiProperty({ example: 'taro@example.jp', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ type: NewCustomerProfileDto })
  @ValidateNested()
  @Type(() => NewCustomerProfileDto)
  profile!: NewCustomerProfileDto;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'ja', description: 'Of the mails' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: (typeof LANGUAGES)[number];
}

export class PaperApplicationDto extends StaffActionWithReasonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId!: string;

  @ApiPropertyOptional({
    example: 'Tanaka001',
    description: 'An existing account (exactly one of userId and newCustomer)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId?: string;

  @ApiPropertyOptional({
    type: NewCustomerDto,
    description:
      'A person without a user ID: registered as an individual in the same step, with an assigned ' +
      'ID and the mail of the ID and a temporary password (exactly one of userId and newCustomer)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCustomerDto)
  newCustomer?: NewCustomerDto;

  @ApiPropertyOptional({
    type: [RequestedAttendeeDto],
    minItems: 1,
    maxItems: MAX_ATTENDEES,
    description: 'As for the account’s type; `[{kind: "self"}]` when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ATTENDEES)
  @ValidateNested({ each: true })
  @Type(() => RequestedAttendeeDto)
  attendees?: RequestedAttendeeDto[];
}

export class PaperApplicationResultDto extends ApplicationDto {
  @ApiPropertyOptional({ description: 'The user ID assigned to a newly registered customer' })
  registeredUserId?: string;
}

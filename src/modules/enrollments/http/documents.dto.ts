import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/** A certificate number: `C-` and 12 Crockford base32 characters. */
const CERTIFICATE_NUMBER_SHAPE = /^C-[0-9A-HJKMNP-TV-Z]{12}$/;
/** As course codes are: 3–20 half-width alphanumerics or `-`. */
const COURSE_CODE_SHAPE = /^[A-Za-z0-9-]{3,20}$/;

export class AttendeeDocumentParamsDto {
  @ApiProperty({ format: 'uuid', description: 'The application' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  attendeeId!: string;
}

export class CertificateNumberParamsDto {
  @ApiProperty({ pattern: CERTIFICATE_NUMBER_SHAPE.source, example: 'C-0A1B2C3D4E5F' })
  @IsString()
  @Matches(CERTIFICATE_NUMBER_SHAPE, {
    message: 'must be a certificate number (C- and 12 characters)',
  })
  number!: string;
}

export class CertificateCheckDto {
  @ApiProperty({ enum: [true] }) valid!: true;
  @ApiProperty({ example: 'C-0A1B2C3D4E5F' }) number!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() courseCode!: string;
  @ApiProperty({ format: 'date', description: 'The course date (access start for e-learning)' })
  date!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '山＊ ＊＊',
    description: 'First character kept, the rest ＊; null once the holder withdrew',
  })
  holderName!: string | null;
}

export class QaEntitlementQueryDto {
  @ApiProperty({ description: "The customer's user ID (matched exactly, as at login)" })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  userId!: string;

  @ApiProperty({ pattern: COURSE_CODE_SHAPE.source, example: 'SAFE-101' })
  @IsString()
  @Matches(COURSE_CODE_SHAPE, { message: 'must be a course code' })
  courseCode!: string;
}

export class QaEntitlementDto {
  @ApiProperty() userId!: string;
  @ApiProperty() courseCode!: string;
  @ApiProperty() entitled!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      '00:00 Japan time, 90 days after the course date: the first instant without the service',
  })
  endsAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day with the service',
  })
  lastDay!: string | null;
}

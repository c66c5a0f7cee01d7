import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { StaffActionDto, StaffActionWithReasonDto } from '@app/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { ATTENDEE_KINDS, MAX_ATTENDEES } from '../domain/application.entity';
import type { AttendeeKind } from '../domain/application.entity';
import { COURSE_CODE, COURSE_KINDS, COURSE_TITLE_MAX_LENGTH } from '../domain/course.entity';
import { MAX_CAPACITY, VENUE_MAX_LENGTH } from '../domain/course-session.entity';
import { isCalendarDate } from '../domain/japan-date';

const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+$/;
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Cf}]*$/u;
const KANA = /^[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FB-\u30FE\u3000 ]+$/;
const NAME_MAX_LENGTH = 100;
const MAX_LISTED_ATTENDEES = 1000;

const trimmed = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;
const kana = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFKC').trim() : value;

@ValidatorConstraint({ name: 'isCalendarDate' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^20\d\d-/.test(value) && isCalendarDate(value);
  }

  defaultMessage(): string {
    return '$property must be a date YYYY-MM-DD (2000–2099)';
  }
}

const DATE = { format: 'date', example: '2026-04-10', description: 'Japan calendar date' };

// ---- requests -------------------------------------------------------------------------------

export class OpenSessionsQueryDto {
  @ApiPropertyOptional({ example: 'SEC-101', description: 'Only the sessions of this course' })
  @IsOptional()
  @IsString()
  @Matches(COURSE_CODE, { message: 'courseCode must be 3–20 letters, digits or -' })
  courseCode?: string;
}

export class RequestedAttendeeDto {
  @ApiProperty({ enum: ATTENDEE_KINDS })
  @IsIn(ATTENDEE_KINDS)
  kind!: AttendeeKind;

  @ApiPropertyOptional({
    example: '佐藤 一郎',
    description: 'staff only',
    maxLength: NAME_MAX_LENGTH,
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional({
    example: 'サトウ イチロウ',
    description: 'staff only (katakana or hiragana)',
  })
  @IsOptional()
  @Transform(kana)
  @IsString()
  @MaxLength(NAME_MAX_LENGTH)
  @Matches(KANA, { message: 'nameKana must be katakana or hiragana' })
  nameKana?: string;

  @ApiPropertyOptional({ example: 'ichiro@example.jp', description: 'staff only' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_SHAPE, { message: 'email must be an e-mail address' })
  email?: string;

  @ApiPropertyOptional({ example: 'Member01', description: 'member only: the member’s user ID' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId?: string;
}

export class ApplyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sessionId!: string;

  @ApiProperty({ type: [RequestedAttendeeDto], minItems: 1, maxItems: MAX_ATTENDEES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ATTENDEES)
  @ValidateNested({ each: true })
  @Type(() => RequestedAttendeeDto)
  attendees!: RequestedAttendeeDto[];
}

export class CancellationDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The attendees to cancel; all live attendees when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsUUID('all', { each: true })
  attendeeIds?: string[];
}

export class StaffCancellationDto extends StaffActionWithReasonDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The attendees to cancel; all live attendees when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsUUID('all', { each: true })
  attendeeIds?: string[];
}

export class CreateCourseDto extends StaffActionDto {
  @ApiProperty({
    example: 'SEC-101',
    description: '3–20 letters, digits or -; unique ignoring case',
  })
  @IsString()
  @Matches(COURSE_CODE, { message: 'code must be 3–20 letters, digits or -' })
  code!: string;

  @ApiProperty({ example: '情報セキュリティ基礎', maxLength: COURSE_TITLE_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(COURSE_TITLE_MAX_LENGTH)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'title must not contain control characters' })
  title!: string;

  @ApiProperty({ enum: COURSE_KINDS })
  @IsIn(COURSE_KINDS)
  kind!: (typeof COURSE_KINDS)[number];

  @ApiProperty()
  @IsBoolean()
  qaEligible!: boolean;
}

export class ChangeCourseDto extends StaffActionDto {
  @ApiPropertyOptional({ maxLength: COURSE_TITLE_MAX_LENGTH })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(COURSE_TITLE_MAX_LENGTH)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'title must not contain control characters' })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  qaEligible?: boolean;
}

export class ScheduleSessionDto extends StaffActionDto {
  @ApiPropertyOptional({ ...DATE, description: 'classroom only: the course date' })
  @IsOptional()
  @Validate(CalendarDate)
  date?: string;

  @ApiPropertyOptional({ example: '東京本社 5F 研修室', description: 'classroom only' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty()
  @MaxLength(VENUE_MAX_LENGTH)
  @Matches(NO_CONTROL_CHARACTERS, { message: 'venue must not contain control characters' })
  venue?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_CAPACITY,
    description: 'Required for classroom; optional for e-learning (absent: unlimited)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CAPACITY)
  capacity?: number;

  @ApiPropertyOptional({ ...DATE, description: 'e-learning only: first day of access' })
  @IsOptional()
  @Validate(CalendarDate)
  accessStart?: string;

  @ApiPropertyOptional({ ...DATE, description: 'e-learning only: last day of access (≥ start)' })
  @IsOptional()
  @Validate(CalendarDate)
  accessEnd?: string;
}

export class AttendeeIdsDto extends StaffActionDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_LISTED_ATTENDEES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LISTED_ATTENDEES)
  @IsUUID('all', { each: true })
  attendeeIds!: string[];
}

export class ApplicationsOfAccountQueryDto {
  @ApiProperty({ example: 'yamada01', description: 'The user ID (exact)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId!: string;
}

// ---- responses ------------------------------------------------------------------------------

export class CourseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SEC-101' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: COURSE_KINDS }) kind!: 'classroom' | 'elearning';
  @ApiProperty() qaEligible!: boolean;
}

export class SessionCourseDto {
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: COURSE_KINDS }) kind!: 'classroom' | 'elearning';
  @ApiProperty() qaEligible!: boolean;
}

export class CourseSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ type: SessionCourseDto }) course!: SessionCourseDto;
  @ApiProperty({ ...DATE, description: 'The course date; the access start for e-learning' })
  date!: string;
  @ApiProperty({ type: String, nullable: true }) venue!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) accessStart!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) accessEnd!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null: unlimited' })
  capacity!: number | null;
  @ApiProperty() seatsTaken!: number;
  @ApiProperty({ type: Number, nullable: true }) seatsLeft!: number | null;
  @ApiProperty({ enum: ['draft', 'open', 'closed'] }) status!: 'draft' | 'open' | 'closed';
  @ApiProperty({
    format: 'date-time',
    description: 'Customers may cancel until then: 17:00 Japan time the day before the date',
  })
  cancellationDeadline!: string;
}

export class CourseSessionListDto {
  @ApiProperty({ type: [CourseSessionDto] }) items!: CourseSessionDto[];
}

export class CourseWithSessionsDto extends CourseDto {
  @ApiProperty({ type: [CourseSessionDto] }) sessions!: CourseSessionDto[];
}

export class CourseListDto {
  @ApiProperty({ type: [CourseWithSessionsDto] }) items!: CourseWithSessionsDto[];
}

export class QaDto {
  @ApiProperty() entitled!: boolean;
  @ApiProperty({ format: 'date-time', description: 'date + 90 days, 00:00 Japan time' })
  endsAt!: string;
  @ApiProperty({ format: 'date', description: 'date + 89 days' }) lastDay!: string;
}

export class AttendeeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ATTENDEE_KINDS }) kind!: AttendeeKind;
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameKana!: string | null;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: ['received', 'confirmed', 'completed', 'cancelled'] })
  status!: 'received' | 'confirmed' | 'completed' | 'cancelled';
  @ApiProperty({ type: String, nullable: true, example: 'T-8K2M4Q7W9X' })
  ticketNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'C-8K2M4Q7W9XZ3' })
  certificateNumber!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiProperty({
    type: QaDto,
    nullable: true,
    description: 'Null unless the course is QA-eligible',
  })
  qa!: QaDto | null;
}

export class ApplicantDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ enum: ['individual', 'corporate', 'group'] })
  type!: 'individual' | 'corporate' | 'group';
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'A-00000001' }) number!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: CourseSessionDto }) session!: CourseSessionDto;
  @ApiProperty({ type: ApplicantDto }) applicant!: ApplicantDto;
  @ApiProperty({ enum: ['web', 'paper'] }) channel!: 'web' | 'paper';
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: [AttendeeDto] }) attendees!: AttendeeDto[];
}

export class ApplicationListDto {
  @ApiProperty({ type: [ApplicationDto] }) items!: ApplicationDto[];
}

export class SessionApplicantDto {
  @ApiProperty() userId!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class SessionAttendeeDto extends AttendeeDto {
  @ApiProperty({ format: 'uuid' }) applicationId!: string;
  @ApiProperty() applicationNumber!: string;
  @ApiProperty({ type: SessionApplicantDto }) applicant!: SessionApplicantDto;
}

export class CourseSessionDetailDto extends CourseSessionDto {
  @ApiProperty({ type: [SessionAttendeeDto] }) attendees!: SessionAttendeeDto[];
}

export class ConfirmedDto {
  @ApiProperty({ description: 'How many received attendees became confirmed' }) confirmed!: number;
}

export class CompletedDto {
  @ApiProperty({ description: 'How many confirmed attendees became completed' }) completed!: number;
}

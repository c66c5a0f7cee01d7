import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * Generous upper bounds that only keep absurd bodies out; the login refuses anything longer than a
 * user ID or password can be with the ordinary INVALID_CREDENTIALS, before any hashing.
 */
const INPUT_LIMIT = 1024;

export class LoginRequestDto {
  @ApiProperty({
    description: 'User ID, case-sensitive (half-width letters and digits)',
    example: 'yamada01',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INPUT_LIMIT)
  userId!: string;

  @ApiProperty({
    description: 'Password or temporary password, case-sensitive',
    example: 'Kx7mQ2pLw9',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INPUT_LIMIT)
  password!: string;
}

export class TwoFactorLoginRequestDto {
  @ApiProperty({ description: 'The challengeToken from POST /auth/login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INPUT_LIMIT)
  challengeToken!: string;

  @ApiProperty({
    description: 'The 6-digit code of the authenticator app, or a recovery code',
    example: '123456',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code!: string;
}

export const LOGIN_STATUSES = [
  'authenticated',
  'two_factor_required',
  'two_factor_enrollment_required',
  'password_change_required',
] as const;

export class LoginResponseDto {
  @ApiProperty({ enum: LOGIN_STATUSES })
  status!: (typeof LOGIN_STATUSES)[number];

  @ApiPropertyOptional({
    description:
      'With `authenticated` and `password_change_required`; also set as the HttpOnly `session` cookie. ' +
      'A `password_change_required` session is good only for POST /auth/password.',
  })
  sessionToken?: string;

  @ApiPropertyOptional({
    description: 'When the session (or, with a challenge, the challenge) ends at the latest',
    type: String,
    format: 'date-time',
  })
  expiresAt?: string;

  @ApiPropertyOptional({
    description:
      'With `authenticated`: the account was asked to renew (re-confirm) its registration; the portal should lead the user there.',
  })
  renewalRequired?: boolean;

  @ApiPropertyOptional({
    description:
      'With the two-factor statuses: send it with the code to POST /auth/login/two-factor',
  })
  challengeToken?: string;

  @ApiPropertyOptional({
    description: 'With `two_factor_enrollment_required`: PNG data URL of the QR code to scan',
  })
  qrCodeDataUrl?: string;

  @ApiPropertyOptional({
    description: 'With `two_factor_enrollment_required`: the otpauth:// URI in the QR code',
  })
  otpauthUri?: string;

  @ApiPropertyOptional({
    description: 'With `two_factor_enrollment_required`: the base32 secret for manual entry',
  })
  secret?: string;

  @ApiPropertyOptional({
    description: 'After completing a two-factor enrollment: one-time recovery codes, shown once',
    type: [String],
  })
  recoveryCodes?: string[];
}

export class ChangePasswordRequestDto {
  @ApiProperty({
    description:
      'The current password; after a temporary-password login, the temporary password used',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INPUT_LIMIT)
  currentPassword!: string;

  @ApiProperty({
    description: '8–64 half-width letters and digits, not the user ID, not a common password',
    example: 'Kx7mQ2pLw9',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(INPUT_LIMIT)
  newPassword!: string;
}

export class SessionIdParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['full', 'password_change'] })
  scope!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'Updated at most once a minute' })
  lastSeenAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The absolute end of the session',
  })
  expiresAt!: string;

  @ApiProperty({ type: String, nullable: true })
  clientIp!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent!: string | null;

  @ApiProperty({ description: 'The session this request was made with' })
  current!: boolean;
}

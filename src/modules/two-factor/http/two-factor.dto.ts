import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

/** A six-digit TOTP code or a recovery code (`abcde-fghij`; case, spaces and hyphens forgiven). */
const CODE_SHAPE = /^[0-9A-Za-z\s-]{6,16}$/;

export class ChangeTwoFactorDto {
  @ApiProperty({ description: 'true: use two-factor from the next login on; false: stop using it' })
  @IsBoolean()
  enabled!: boolean;

  @ApiProperty({ description: 'The current password', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  password!: string;

  @ApiPropertyOptional({
    description:
      'Required to switch off once enrolled: the current code from the app, or a recovery code',
    example: '123456',
  })
  @IsOptional()
  @IsString()
  @Matches(CODE_SHAPE)
  code?: string;
}

export class RegenerateRecoveryCodesDto {
  @ApiProperty({ description: 'The current password', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  password!: string;

  @ApiProperty({
    description: 'The current code from the app, or a recovery code',
    example: '123456',
  })
  @IsString()
  @Matches(CODE_SHAPE)
  code!: string;
}

export class TwoFactorStatusDto {
  @ApiProperty({
    description: 'Two-factor is switched on (by the user or by a group administrator)',
  })
  enabled!: boolean;

  @ApiProperty({
    description:
      'The authenticator app is registered; false until the first correct code after the QR code',
  })
  enrolled!: boolean;

  @ApiProperty({ description: 'A group administrator requires it: the user cannot switch it off' })
  requiredByGroup!: boolean;

  @ApiProperty({ description: 'Locked after too many wrong codes, until support unlocks it' })
  locked!: boolean;

  @ApiProperty({ description: 'Unused recovery codes', minimum: 0, maximum: 10 })
  recoveryCodesRemaining!: number;
}

export class RecoveryCodesDto {
  @ApiProperty({
    description: 'New single-use recovery codes; every older code stops working. Shown only now.',
    type: [String],
    example: ['abcde-fghjk', 'mnpqr-stuvw'],
  })
  recoveryCodes!: string[];
}

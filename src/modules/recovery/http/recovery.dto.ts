import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Loose on purpose: addresses the accounts context accepted must never be refused here. */
const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+$/;

export class RequestLookupPasswordDto {
  @ApiProperty({ description: 'The registered e-mail address', example: 'yamada@example.jp' })
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_SHAPE, { message: 'must be an e-mail address' })
  email!: string;
}

export class LookUpUserIdsDto {
  @ApiProperty({
    description: 'The address the lookup password was mailed to',
    example: 'yamada@example.jp',
  })
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_SHAPE, { message: 'must be an e-mail address' })
  email!: string;

  @ApiProperty({
    description: 'The one-time lookup password from the mail',
    example: 'Kx7mQ2pLw9zR',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  lookupPassword!: string;
}

export class RequestPasswordReissueDto {
  @ApiProperty({ description: 'User ID (case-sensitive)', example: 'yamada01' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId!: string;

  @ApiProperty({
    description: 'The e-mail address registered for that user ID',
    example: 'yamada@example.jp',
  })
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_SHAPE, { message: 'must be an e-mail address' })
  email!: string;
}

/** The same body whatever the outcome, so that it reveals nothing about accounts. */
export class RecoveryAcceptedDto {
  @ApiProperty({ enum: ['accepted'], example: 'accepted' })
  status!: 'accepted';
}

export class LookedUpUserIdsDto {
  @ApiProperty({
    type: [String],
    description: 'User IDs of the active accounts registered to the address, oldest first',
    example: ['yamada01', 'yamada02'],
  })
  userIds!: string[];
}

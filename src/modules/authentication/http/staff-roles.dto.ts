import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import type { StaffRole } from '@app/platform';
import { STAFF_ROLES } from '../domain/staff-role-assignment.entity';

export class StaffRoleParamsDto {
  @ApiProperty({ description: 'User ID of the account', example: 'suzuki01' })
  @IsString()
  @Length(1, 64)
  userId!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role!: StaffRole;
}

export class StaffRolesDto {
  @ApiProperty({ example: 'suzuki01' })
  userId!: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  roles!: StaffRole[];
}

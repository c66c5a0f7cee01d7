import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { VerifyCurrentPasswordQuery } from '../../accounts/public-api';
import { InvalidCredentialsError } from '@app/platform';

/** Changes to the second factor are confirmed with the current password (authentication's check). */
@Injectable()
export class PasswordConfirmation {
  constructor(private readonly queries: QueryBus) {}

  async confirm(accountId: string, password: string): Promise<void> {
    if (!(await this.queries.execute(new VerifyCurrentPasswordQuery(accountId, password)))) {
      throw new InvalidCredentialsError();
    }
  }
}

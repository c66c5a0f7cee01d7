import { Query } from '@nestjs/cqrs';

/** Re-confirms the owner before a sensitive change (e-mail, withdrawal, two-factor settings). */
export class VerifyCurrentPasswordQuery extends Query<boolean> {
  constructor(
    readonly accountId: string,
    readonly password: string,
  ) {
    super();
  }
}

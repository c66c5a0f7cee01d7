import { Query } from '@nestjs/cqrs';

/** The internal id behind a user ID (without regard to case), withdrawn accounts included. */
export class LookUpAccountIdQuery extends Query<string | null> {
  constructor(readonly userId: string) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';

export interface LoginCooldownState {
  /** ISO 8601 while a cool-down runs, else null. */
  coolingDownUntil: string | null;
  /** Settled consecutive wrong passwords that count towards the next cool-down. */
  consecutiveFailures: number;
}

/** The password cool-down of a user ID, for support's badges. */
export class GetLoginCooldownQuery extends Query<LoginCooldownState> {
  constructor(readonly userId: string) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';

/** Whether a registration with this ID could succeed now. IDs of withdrawn accounts stay taken forever. */
export class CheckUserIdAvailabilityQuery extends Query<{ available: boolean }> {
  constructor(readonly userId: unknown) {
    super();
  }
}

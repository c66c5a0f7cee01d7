import { Query } from '@nestjs/cqrs';
import type { SupportRequestDetail } from '../support-request-views';

/** One request with its message, reply and the staff actions taken for it. */
export class GetSupportRequestQuery extends Query<SupportRequestDetail> {
  constructor(readonly supportRequestId: string) {
    super();
  }
}

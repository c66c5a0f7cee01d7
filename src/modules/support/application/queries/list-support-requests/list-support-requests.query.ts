import { Query } from '@nestjs/cqrs';
import type { SupportStatus } from '../../../domain/support-request-category';
import type { SupportRequestSummary } from '../support-request-views';

export interface SupportRequestPage {
  items: SupportRequestSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Support's inbox: the requests in one status, oldest first, paged. */
export class ListSupportRequestsQuery extends Query<SupportRequestPage> {
  constructor(readonly criteria: { status: SupportStatus; page: number; pageSize: number }) {
    super();
  }
}

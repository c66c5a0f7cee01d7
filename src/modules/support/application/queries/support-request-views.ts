import type { AuditEntryView } from '../../../audit/public-api';
import type {
  SupportCategory,
  SupportLanguage,
  SupportStatus,
} from '../../domain/support-request-category';
import type { SupportRequest } from '../../domain/support-request.entity';

export interface SupportRequestSummary {
  id: string;
  requestNumber: string;
  status: SupportStatus;
  category: SupportCategory;
  /** The user ID as the customer typed it (null when left empty). */
  userId: string | null;
  /** Whether user ID and address belong to one account: only then is it linked (`linkedUserId`). */
  verified: boolean;
  linkedAccountId: string | null;
  linkedUserId: string | null;
  email: string;
  receivedAt: string;
  ageSeconds: number;
  assigneeAccountId: string | null;
}

export interface SupportRequestDetail extends SupportRequestSummary {
  message: string;
  language: SupportLanguage;
  takenAt: string | null;
  reply: string | null;
  closedAt: string | null;
  closedByAccountId: string | null;
  /** The audit records of the staff actions that named this request, oldest first. */
  actions: AuditEntryView[];
}

export function toSupportRequestSummary(r: SupportRequest, now: Date): SupportRequestSummary {
  return {
    id: r.id,
    requestNumber: r.requestNumber,
    status: r.status,
    category: r.category,
    userId: r.userId,
    verified: r.verified,
    linkedAccountId: r.accountId,
    linkedUserId: r.verified ? r.userId : null,
    email: r.email,
    receivedAt: r.receivedAt.toISOString(),
    ageSeconds: Math.max(0, Math.floor((now.getTime() - r.receivedAt.getTime()) / 1000)),
    assigneeAccountId: r.assigneeAccountId,
  };
}

export function toSupportRequestDetail(
  r: SupportRequest,
  actions: AuditEntryView[],
  now: Date,
): SupportRequestDetail {
  return {
    ...toSupportRequestSummary(r, now),
    message: r.message,
    language: r.language,
    takenAt: r.takenAt?.toISOString() ?? null,
    reply: r.reply,
    closedAt: r.closedAt?.toISOString() ?? null,
    closedByAccountId: r.closedByAccountId,
    actions,
  };
}

import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forkForReads } from '@app/platform';
import { AuditExportRangeInvalidError } from '../../../domain/audit.errors';
import { AuditSettings } from '../../audit-settings';
import type { AuditEntryView } from '../get-audit-trail/get-audit-trail.query';
import { ExportAuditTrailQuery } from './export-audit-trail.query';
import type { AuditExportFilter } from './export-audit-trail.query';

const BATCH_SIZE = 1000;

interface AuditRow {
  event_id: string;
  type: string;
  actor_account_id: string | null;
  subject_account_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  staff_reason: string | null;
  support_request_id: string | null;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Reads the range in keyset pages (occurred_at, event_id), one statement per page on a pooled
 * connection that is released in between: memory stays at one page however large the range, and
 * a slow download holds no connection while the client reads.
 */
@QueryHandler(ExportAuditTrailQuery)
export class ExportAuditTrailHandler implements IQueryHandler<ExportAuditTrailQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly settings: AuditSettings,
  ) {}

  execute({ filter }: ExportAuditTrailQuery): Promise<AsyncIterable<AuditEntryView>> {
    const days = (filter.to.getTime() - filter.from.getTime()) / 86_400_000;
    if (!(days > 0) || days > this.settings.AUDIT_EXPORT_MAX_DAYS)
      throw new AuditExportRangeInvalidError({ maxDays: this.settings.AUDIT_EXPORT_MAX_DAYS });
    return Promise.resolve(this.pages(filter));
  }

  private async *pages(filter: AuditExportFilter): AsyncGenerator<AuditEntryView> {
    let after: { occurredAt: Date; eventId: string } | null = null;
    for (;;) {
      const rows: AuditRow[] = await this.page(filter, after);
      for (const row of rows) yield toView(row);
      if (rows.length < BATCH_SIZE) return;
      const last = rows[rows.length - 1];
      after = { occurredAt: last.occurred_at, eventId: last.event_id };
    }
  }

  private page(
    filter: AuditExportFilter,
    after: { occurredAt: Date; eventId: string } | null,
  ): Promise<AuditRow[]> {
    const conditions = ['"occurred_at" >= ?', '"occurred_at" < ?'];
    const params: unknown[] = [filter.from, filter.to];
    if (filter.types.length > 0) {
      conditions.push(`"type" in (${filter.types.map(() => '?').join(', ')})`);
      params.push(...filter.types);
    }
    if (after) {
      conditions.push('("occurred_at", "event_id") > (?, ?)');
      params.push(after.occurredAt, after.eventId);
    }
    return forkForReads(this.em)
      .getConnection()
      .execute<AuditRow[]>(
        `select "event_id", "type", "actor_account_id", "subject_account_id", "client_ip", "user_agent",
                "request_id", "staff_reason", "support_request_id", "payload", "occurred_at"
           from "audit"."audit_record" where ${conditions.join(' and ')}
          order by "occurred_at", "event_id" limit ${BATCH_SIZE}`,
        params,
      );
  }
}

function toView(row: AuditRow): AuditEntryView {
  return {
    eventId: row.event_id,
    type: row.type,
    actorAccountId: row.actor_account_id,
    subjectAccountId: row.subject_account_id,
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    staffReason: row.staff_reason,
    supportRequestId: row.support_request_id,
    payload: row.payload,
    occurredAt: new Date(row.occurred_at).toISOString(),
  };
}

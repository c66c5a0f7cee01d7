import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { erasePersonalData } from '../domain/personal-data';

interface RecordPayload {
  event_id: string;
  payload: Record<string, unknown>;
}

/** Erases personal details from the audit payloads of erased subjects (ADR 0071). */
@Injectable()
export class AuditErasure {
  /** Marks the account as erased and cleans the records it has so far. Idempotent. */
  async erase(em: EntityManager, accountId: string): Promise<number> {
    await em.execute(
      `insert into "audit"."erased_subject" ("account_id") values (?) on conflict do nothing`,
      [accountId],
    );
    return this.clean(
      em,
      await em.execute<RecordPayload[]>(
        `select "event_id", "payload" from "audit"."audit_record" where "subject_account_id" = ?`,
        [accountId],
      ),
    );
  }

  /** Records of erased subjects that arrived after the erasure (events still in flight then). */
  async eraseLateArrivals(em: EntityManager): Promise<number> {
    return this.clean(
      em,
      await em.execute<RecordPayload[]>(
        `select r."event_id", r."payload" from "audit"."audit_record" r
           join "audit"."erased_subject" e on e."account_id" = r."subject_account_id"
          where r."recorded_at" >= e."erased_at" - interval '1 minute'`,
      ),
    );
  }

  private async clean(em: EntityManager, records: RecordPayload[]): Promise<number> {
    let cleaned = 0;
    for (const record of records) {
      const erased = erasePersonalData(record.payload);
      if (JSON.stringify(erased) === JSON.stringify(record.payload)) continue;
      await em.execute(`update "audit"."audit_record" set "payload" = ? where "event_id" = ?`, [
        JSON.stringify(erased),
        record.event_id,
      ]);
      cleaned += 1;
    }
    return cleaned;
  }
}

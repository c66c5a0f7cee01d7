import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

export interface OutboxBacklogMeasure {
  /** Events some consumer has not yet acknowledged. */
  size: number;
  /** Seconds since the oldest of them happened; 0 when there is none. */
  oldestAgeSeconds: number;
}

/** How far event delivery is behind: for readiness and for the metrics. */
@Injectable()
export class OutboxBacklog {
  constructor(private readonly em: EntityManager) {}

  async measure(): Promise<OutboxBacklogMeasure> {
    // The partial index on relay_at holds exactly the undelivered rows, so this stays cheap.
    const [row] = await this.em.getConnection().execute<{ size: string; age: number | null }[]>(
      `select count(*) as size, extract(epoch from now() - min("occurred_at"))::float8 as age
         from "platform"."outbox_message" where "relay_at" is not null`,
    );
    return { size: Number(row?.size ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
  }
}

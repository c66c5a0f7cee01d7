import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Metrics } from '@app/platform';
import type { Job, Queue } from 'bull';
import { AuditSettings } from '../application/audit-settings';
import { AuditErasure } from './audit-erasure';

export const AUDIT_RETENTION_QUEUE = 'audit-retention';
const PURGE_JOB = 'purge';
/** Serialises purges that overlap anyway (a manual run, a slow one that outlives its period). */
const RETENTION_LOCK_KEY = 7_202_612;
const DELETE_BATCH = 10_000;

export interface RetentionRun {
  ran: boolean;
  purged: number;
  scrubbed: number;
}

/**
 * Deletes audit records older than AUDIT_RETENTION_DAYS, once per AUDIT_PURGE_INTERVAL_SECONDS
 * across all instances: every instance declares the same Bull repeatable job (one schedule in
 * Redis, whichever instance declares it), and each tick is one job that one worker takes. A
 * PostgreSQL advisory lock keeps two purges from ever running at once.
 */
@Processor(AUDIT_RETENTION_QUEUE)
export class AuditRetention implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuditRetention.name);
  private readonly purgedTotal;

  constructor(
    @InjectQueue(AUDIT_RETENTION_QUEUE) private readonly queue: Queue,
    private readonly em: EntityManager,
    private readonly settings: AuditSettings,
    private readonly erasure: AuditErasure,
    metrics: Metrics,
  ) {
    this.purgedTotal = metrics.counter({
      name: 'audit_records_purged_total',
      help: 'Audit records deleted by the retention job (older than AUDIT_RETENTION_DAYS)',
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const every = this.settings.AUDIT_PURGE_INTERVAL_SECONDS * 1000;
    try {
      for (const job of await this.queue.getRepeatableJobs())
        if (job.every !== every) await this.queue.removeRepeatableByKey(job.key);
      await this.queue.add(
        PURGE_JOB,
        {},
        { repeat: { every }, jobId: PURGE_JOB, removeOnComplete: true },
      );
    } catch (error) {
      // Redis is down at start: the next instance start (or this one's restart) schedules it.
      this.logger.warn(`Audit retention not scheduled: ${(error as Error).message}`);
    }
  }

  @Process(PURGE_JOB)
  async onTick(job: Job): Promise<void> {
    await this.purge(scheduledFor(job));
  }

  async purge(scheduledFor = new Date()): Promise<RetentionRun> {
    const result = await this.em.fork().transactional(async (em) => {
      const [{ locked }] = await em.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(?) as locked',
        [RETENTION_LOCK_KEY],
      );
      if (!locked) return { ran: false, purged: 0, scrubbed: 0 };
      const cutoff = new Date(Date.now() - this.settings.retentionMs);
      let purged = 0;
      for (;;) {
        const deleted = await em.execute<{ event_id: string }[]>(
          `delete from "audit"."audit_record" where "event_id" in (
             select "event_id" from "audit"."audit_record" where "occurred_at" < ? limit ${DELETE_BATCH}
           ) returning "event_id"`,
          [cutoff],
        );
        purged += deleted.length;
        if (deleted.length < DELETE_BATCH) break;
      }
      const scrubbed = await this.erasure.eraseLateArrivals(em);
      await em.execute(
        `insert into "audit"."retention_run" ("scheduled_for", "cutoff", "purged", "scrubbed") values (?, ?, ?, ?)`,
        [scheduledFor, cutoff, purged, scrubbed],
      );
      return { ran: true, purged, scrubbed };
    });
    this.purgedTotal.inc(result.purged);
    if (result.purged > 0) this.logger.log(`Audit retention: ${result.purged} records deleted`);
    return result;
  }
}

/** The tick a repeatable job stands for (its id ends with the scheduled time in ms). */
function scheduledFor(job: Job): Date {
  const millis = Number(String(job.id).split(':').pop());
  return new Date(Number.isFinite(millis) && millis > 0 ? millis : job.timestamp);
}

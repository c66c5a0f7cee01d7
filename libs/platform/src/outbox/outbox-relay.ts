import { EntityManager } from '@mikro-orm/postgresql';
import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '../config/app-config';
import type { DeliveredEvent } from './delivered-event';
import { OutboxSignal } from './outbox-signal';
import { OutboxSubscriptions, secretConsumers } from './outbox-subscriptions';
import { planRelay } from './relay-plan';
import type { DueMessage } from './relay-plan';

const QUEUE_TIMEOUT_MS = 3000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Moves committed events from the outbox table to the Bull queues. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so several instances relay in parallel without sending a row twice
 * in the normal case; a crash between enqueue and marking may resend, which consumers absorb
 * because each job id is the event id and each consumer is idempotent.
 *
 * A message handed to the queues is not yet delivered: Redis may lose the job (a restart without
 * persistence). Each consumer acknowledges in PostgreSQL, together with its effect
 * (`OutboxAcknowledgements`); a message with consumers still pending after
 * OUTBOX_REDELIVERY_AFTER_MS is claimed again and re-added for those consumers only. While the job
 * still exists in Redis (waiting, retrying, running or failed) the re-add is a no-op, because the
 * job id is the event id; a job that exhausted its retries therefore stays failed, it does not loop.
 *
 * When Redis is unreachable the batch is rolled back and retried with backoff: requests keep
 * succeeding (they only write to PostgreSQL) and the events flow once Redis is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private failures = 0;
  private wakeFromBackoff: (() => void) | null = null;

  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly signal: OutboxSignal,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /**
   * Before, not on, application shutdown: the queues and the database pool close in their
   * `onApplicationShutdown`, in an order Nest does not promise. A relay still running then asks a
   * destroyed pool for a connection, which never comes, and the shutdown hangs.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.signal.notify();
    this.wakeFromBackoff?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let relayed = 0;
      try {
        relayed = await this.relayBatch();
        if (this.failures > 0) this.logger.log('Outbox relay recovered');
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(`Outbox relay paused: ${(error as Error).message}`);
        }
      }
      if (!this.running) break;
      if (this.failures > 0) {
        await this.backOff(Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 7)));
      } else if (relayed < this.config.OUTBOX_BATCH_SIZE) {
        await this.signal.wait(this.config.OUTBOX_POLL_INTERVAL_MS);
      }
    }
  }

  /**
   * While healthy, a commit wakes the relay early (`signal.wait`). During a back-off commits must
   * not (they would hammer an unreachable Redis), but a shutdown must: it should not wait out a
   * 30 s back-off.
   */
  private async backOff(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeFromBackoff = null;
  }

  /** Relays one batch of due messages; returns how many were relayed. */
  async relayBatch(): Promise<number> {
    return this.em.fork().transactional(async (em) => {
      const rows = await em.execute<DueRow[]>(CLAIM_DUE, [this.config.OUTBOX_BATCH_SIZE]);
      if (rows.length === 0) return 0;
      const messages = rows.map(toDueMessage);

      const subscriptions = this.subscriptions.all();
      const plan = planRelay(messages, subscriptions);
      await Promise.all(
        plan.deliveries.map(({ subscription: { queue }, jobs, relayedBefore }) =>
          withTimeout(
            removeBrokenJobs(queue, relayedBefore).then(() => queue.addBulk(jobs)),
            QUEUE_TIMEOUT_MS,
            queue.name,
          ),
        ),
      );
      await em.execute(MARK_RELAYED, [
        this.config.OUTBOX_REDELIVERY_AFTER_MS,
        secretConsumers(subscriptions),
        JSON.stringify(plan.pending),
      ]);
      return messages.length;
    });
  }
}

/**
 * The due messages, read without hydrating entities: the relay only copies them into jobs. Locked
 * with SKIP LOCKED so that instances relaying in parallel share the backlog.
 */
const CLAIM_DUE = `
  select "position", "event_id", "type", "subject_account_id", "payload", "secrets", "metadata",
         "occurred_at", "pending_consumers"
  from "platform"."outbox_message"
  where "relay_at" <= now()
  order by "relay_at", "position"
  limit ?
  for update skip locked`;

interface DueRow {
  position: string;
  event_id: string;
  type: string;
  subject_account_id: string | null;
  payload: DueMessage['payload'];
  secrets: DueMessage['secrets'];
  metadata: DueMessage['metadata'];
  occurred_at: Date;
  pending_consumers: string[] | null;
}

function toDueMessage(row: DueRow): DueMessage {
  return {
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    subjectAccountId: row.subject_account_id,
    payload: row.payload,
    secrets: row.secrets,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    pendingConsumers: row.pending_consumers,
  };
}

/**
 * One statement for the whole batch. A message stays due again after the redelivery delay while
 * any consumer is pending, and keeps its secrets only while a consumer that receives them is.
 */
const MARK_RELAYED = `
  update "platform"."outbox_message" as m
  set "published_at" = coalesce(m."published_at", now()),
      "pending_consumers" = r."consumers",
      "relay_at" = case when cardinality(r."consumers") = 0 then null
                        else now() + ? * interval '1 millisecond' end,
      "secrets" = case when r."consumers" && array[?]::text[] then m."secrets" end
  from jsonb_to_recordset(?::jsonb) as r("position" bigint, "consumers" text[])
  where m."position" = r."position"`;

/**
 * A Redis that lost its data can leave a job's hash behind without its data, or outside every list
 * ("stuck"): Bull re-creates part of the hash when a worker fails or finishes a job Redis forgot.
 * Its id would make every re-add a no-op, and the event would never reach the consumer, so such a
 * job is removed first. An intact job (waiting, delayed, active or failed) stays: the re-add then
 * leaves it alone.
 */
async function removeBrokenJobs(queue: Queue, eventIds: string[]): Promise<void> {
  await Promise.all(
    eventIds.map(async (eventId) => {
      const job = await queue.getJob(eventId);
      if (!job) return;
      const intact = (job.data as Partial<DeliveredEvent>).eventId === eventId;
      if (intact && (await job.getState()) !== 'stuck') return;
      // A worker holding the job's lock refuses the removal; that job is being processed anyway.
      await job.remove().catch(() => undefined);
    }),
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue ${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

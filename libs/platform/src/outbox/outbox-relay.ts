import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobOptions } from 'bull';
import { AppConfig } from '../config/app-config';
import type { DeliveredEvent } from './delivered-event';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxSignal } from './outbox-signal';
import { OutboxSubscriptions } from './outbox-subscriptions';

const QUEUE_TIMEOUT_MS = 3000;
const MAX_BACKOFF_MS = 30_000;

/**
 * Moves committed events from the outbox table to the Bull queues. Rows are claimed with
 * `FOR UPDATE SKIP LOCKED`, so several instances relay in parallel without sending a row twice
 * in the normal case; a crash between enqueue and marking may resend, which consumers absorb
 * because each job id is the event id and each consumer is idempotent.
 *
 * When Redis is unreachable the batch is rolled back and retried with backoff: requests keep
 * succeeding (they only write to PostgreSQL) and the events flow once Redis is back.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
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

  async onApplicationShutdown(): Promise<void> {
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

  /** Relays one batch; returns how many messages were relayed. */
  async relayBatch(): Promise<number> {
    return this.em.fork().transactional(async (em) => {
      const messages = await em.find(
        OutboxMessage,
        { publishedAt: null },
        {
          orderBy: { position: 'asc' },
          limit: this.config.OUTBOX_BATCH_SIZE,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        },
      );
      if (messages.length === 0) return 0;

      await Promise.all(
        this.subscriptions.all().map(async (subscription) => {
          const jobs = messages
            .filter((message) => subscription.accepts(message.type))
            .map((message) => ({
              data: toDelivered(message, subscription.includeSecrets),
              opts: { jobId: message.eventId } satisfies JobOptions,
            }));
          if (jobs.length === 0) return;
          await withTimeout(
            subscription.queue.addBulk(jobs),
            QUEUE_TIMEOUT_MS,
            subscription.queue.name,
          );
        }),
      );

      await em.nativeUpdate(
        OutboxMessage,
        { position: { $in: messages.map((m) => m.position) } },
        { publishedAt: new Date(), secrets: null },
      );
      return messages.length;
    });
  }
}

function toDelivered(message: OutboxMessage, includeSecrets: boolean): DeliveredEvent {
  return {
    eventId: message.eventId,
    type: message.type,
    occurredAt: new Date(message.occurredAt).toISOString(),
    subjectAccountId: message.subjectAccountId,
    payload: message.payload,
    metadata: message.metadata,
    ...(includeSecrets && message.secrets ? { secrets: message.secrets } : {}),
  };
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

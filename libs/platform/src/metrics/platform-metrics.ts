import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import Bull from 'bull';
import type { Queue } from 'bull';
import { CommittedEvents } from '../outbox/committed-events';
import { OutboxBacklog } from '../outbox/outbox-backlog';
import { Metrics } from './metrics';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** A scrape must answer even while Redis or PostgreSQL does not: their gauges are then left out. */
const SCRAPE_TIMEOUT_MS = 1000;

interface KnexPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * The platform's own figures: committed events by type, and gauges read at each scrape (outbox
 * backlog, every Bull queue's jobs, the database pool).
 */
@Injectable()
export class PlatformMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly backlog: OutboxBacklog,
    private readonly discovery: DiscoveryService,
    private readonly orm: MikroORM,
    private readonly committed: CommittedEvents,
  ) {}

  onModuleInit(): void {
    this.committed.subscribe((event) => this.metrics.committedEvents.inc({ type: event.type }));

    const backlog = this.backlog;
    const size = this.metrics.gauge({
      name: 'outbox_backlog_events',
      help: 'Events not yet acknowledged by every consumer',
    });
    this.metrics.gauge({
      name: 'outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest event not yet acknowledged by every consumer (0 when none)',
      async collect() {
        const measure = await withinTimeout(backlog.measure());
        if (!measure) return;
        size.set(measure.size);
        this.set(measure.oldestAgeSeconds);
      },
    });

    const queues = this.queues();
    this.metrics.gauge({
      name: 'queue_jobs',
      help: 'Jobs in each Bull queue, by state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      async collect() {
        this.reset();
        await Promise.all(
          queues.map(async (queue) => {
            const counts = await withinTimeout(queue.getJobCounts());
            if (!counts) return;
            for (const state of JOB_STATES) this.set({ queue: queue.name, state }, counts[state]);
          }),
        );
      },
    });

    const pool = () => this.pool();
    this.metrics.gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections: used, free, and requests waiting for one (pending)',
      labelNames: ['state'],
      collect() {
        const current = pool();
        if (!current) return;
        this.set({ state: 'used' }, current.numUsed());
        this.set({ state: 'free' }, current.numFree());
        this.set({ state: 'pending' }, current.numPendingAcquires());
      },
    });
  }

  private queues(): Queue[] {
    return this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is Queue => instance instanceof Bull);
  }

  private pool(): KnexPool | undefined {
    const knex = this.orm.em.getConnection().getKnex() as unknown as {
      client?: { pool?: KnexPool };
    };
    return knex.client?.pool;
  }
}

async function withinTimeout<T>(promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<undefined>(
        (resolve) => (timer = setTimeout(() => resolve(undefined), SCRAPE_TIMEOUT_MS)),
      ),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

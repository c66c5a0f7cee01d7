import { EntityManager } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import { OutboxMessage } from '@app/platform';
import type { Queue } from 'bull';
import { AuditRecord } from '../../src/modules/audit/domain/audit-record.entity';
import { aRegistrationBody } from '@test/support/builders/accounts';
import { PrivateRedis } from '@test/support/private-redis';
import { SmtpCapture } from '@test/support/smtp-capture';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

const REGISTRATIONS = 300;
const KILL_AFTER = 120;
const CONCURRENCY = 8;

/**
 * Redis run without persistence forgets every queued job when it restarts. The outbox, not Redis,
 * must be what guarantees delivery: an event counts as delivered to a consumer only once that
 * consumer recorded its effect in PostgreSQL, so jobs that vanished with Redis are relayed again.
 *
 * To be sure that jobs are sitting in Redis when it dies, the SMTP server refuses every mail during
 * the burst (mail jobs wait in Redis for their retry) and the audit worker is paused (audit jobs
 * wait in Redis unprocessed): a slow consumer, as in production under load.
 */
describe('outbox when Redis loses its data', () => {
  const redis = new PrivateRedis();
  let smtp: SmtpCapture;
  let t: TestApp;
  let em: () => EntityManager;

  beforeAll(async () => {
    await redis.start();
    smtp = await new SmtpCapture().start();
    t = await createTestApp({
      env: {
        REDIS_URL: redis.url,
        SMTP_URL: smtp.url,
        MAIL_BACKOFF_MS: '500',
        RATE_LIMIT_PER_MINUTE: '100000',
        OUTBOX_REDELIVERY_AFTER_MS: '1500',
      },
    });
    em = () => t.app.get(EntityManager).fork();
  });

  afterAll(async () => {
    await t.close();
    await smtp.stop();
    await redis.stop();
  });

  it('sends every welcome mail and records every audit event exactly once after a Redis restart without persistence', async () => {
    const auditQueue = t.app.get<Queue>(getQueueToken('audit'));
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    smtp.failNext(Number.MAX_SAFE_INTEGER);
    await auditQueue.pause(true);

    const bodies = Array.from({ length: REGISTRATIONS }, () => aRegistrationBody('individual'));
    const statuses: number[] = [];
    let next = 0;
    const killed: Promise<void>[] = [];
    const client = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await t.http().post('/api/v1/accounts').send(body);
        statuses.push(response.status);
        if (statuses.length === KILL_AFTER) killed.push(redis.stop());
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, client));
    await Promise.all(killed);
    expect(killed).toHaveLength(1);

    expect(statuses.filter((status) => status === 201)).toHaveLength(REGISTRATIONS);
    // Some jobs were in Redis when it died: their events had been handed to the queues.
    const relayedBeforeTheKill = await em().count(OutboxMessage, { publishedAt: { $ne: null } });
    expect(relayedBeforeTheKill).toBeGreaterThan(0);

    await redis.start();
    smtp.failNext(0);
    await auditQueue.resume(true);

    // The relay may be in a back-off of up to 30 s when Redis returns; the limits leave room for it
    // and for a loaded shared machine (they are ceilings against a hang, not speed targets: a CI run
    // beside the browser tests waited more than 90 s for these mails; the whole test takes 67 s alone).
    await waitFor(() => bodies.every((body) => smtp.to(body.email).length > 0), {
      timeoutMs: 180_000,
      what: `all ${REGISTRATIONS} welcome mails`,
    });
    const events = await em().find(OutboxMessage, {});
    await waitFor(
      async () =>
        (await em().count(AuditRecord, { eventId: { $in: events.map((e) => e.eventId) } })) ===
        events.length,
      { timeoutMs: 180_000, what: `an audit record for each of the ${events.length} events` },
    );
    await waitFor(async () => (await em().count(OutboxMessage, { relayAt: { $ne: null } })) === 0, {
      what: 'every consumer to acknowledge every event',
    });
    const counts = await mailQueue.getJobCounts();
    expect(counts.active + counts.waiting + counts.delayed + counts.failed).toBe(0);

    for (const body of bodies) expect(smtp.to(body.email)).toHaveLength(1);
    const mailedEvents = smtp.messages.map((mail) => mail.headers.get('x-event-id'));
    expect(new Set(mailedEvents).size).toBe(mailedEvents.length);
    expect(await em().count(AuditRecord, {})).toBe(events.length);
    expect(await em().count(OutboxMessage, { secrets: { $ne: null } })).toBe(0);
  }, 480_000);
});

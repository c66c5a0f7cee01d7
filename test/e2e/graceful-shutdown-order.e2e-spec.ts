import { MikroORM } from '@mikro-orm/core';
import { getQueueToken } from '@nestjs/bull';
import { OutboxRelay } from '@app/platform';
import type { Queue } from 'bull';
import { createTestApp } from '@test/support/test-app';

/**
 * The relay uses the queues and the database pool, which close in their own shutdown hooks in an
 * order Nest does not promise. A relay still running after them waited for a pool connection that
 * never came, and `app.close()` hung (seen in CI and under load).
 */
describe('graceful shutdown order', () => {
  it('stops the outbox relay before the queues and the database pool close', async () => {
    const t = await createTestApp();
    const order: string[] = [];
    const relay: Record<string, () => Promise<void>> = t.app.get(OutboxRelay);
    for (const hook of ['beforeApplicationShutdown', 'onApplicationShutdown']) {
      const original = relay[hook];
      if (typeof original !== 'function') continue;
      relay[hook] = async () => {
        await original.call(relay);
        order.push('relay stopped');
      };
    }
    const orm = t.app.get(MikroORM);
    const closeOrm = orm.close.bind(orm);
    jest.spyOn(orm, 'close').mockImplementation((force?: boolean) => {
      order.push('database closing');
      return closeOrm(force);
    });
    const mailQueue = t.app.get<Queue>(getQueueToken('mail'));
    const closeQueue = mailQueue.close.bind(mailQueue);
    jest.spyOn(mailQueue, 'close').mockImplementation((doNotWaitJobs?: boolean) => {
      order.push('queue closing');
      return closeQueue(doNotWaitJobs);
    });

    await t.close();

    expect(order[0]).toBe('relay stopped');
    expect(order).toEqual(expect.arrayContaining(['database closing', 'queue closing']));
  });
});

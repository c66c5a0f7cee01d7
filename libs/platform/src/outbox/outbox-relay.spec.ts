import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { OutboxRelay } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';
import { OutboxSubscriptions } from './outbox-subscriptions';

describe('OutboxRelay shutdown', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves a failure back-off at once when the application shuts down', async () => {
    // Every batch fails, as when Redis is unreachable: the relay backs off between attempts.
    const em = {
      fork: () => ({ transactional: () => Promise.reject(new Error('Redis is down')) }),
    } as unknown as EntityManager;
    const config = { OUTBOX_BATCH_SIZE: 10, OUTBOX_POLL_INTERVAL_MS: 1000 } as AppConfig;
    const relay = new OutboxRelay(em, config, new OutboxSubscriptions(), new OutboxSignal());
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    relay.onApplicationBootstrap();
    // Let several attempts fail so that the back-off has grown to seconds.
    for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(30_000);

    let stopped = false;
    const shutdown = relay.beforeApplicationShutdown().then(() => (stopped = true));
    // No timer advances: only the shutdown itself may end the wait.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(stopped).toBe(true);
    await shutdown;
    expect(jest.getTimerCount()).toBe(0);
  });
});

import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bull';
import { DOMAIN_EVENTS_QUEUE } from '../outbox/domain-event-handler';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string, timeoutMs = 1000) {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.client.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}

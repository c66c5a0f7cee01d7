import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import Bull from 'bull';
import type { Queue } from 'bull';

type ClosingQueue = Queue & { onApplicationShutdown?: () => Promise<void> };

/**
 * @nestjs/bull closes each queue in `onApplicationShutdown`. Under load Bull's own disconnect can
 * reject with "Connection is closed." (its QUIT outlived 500 ms and the forced disconnect raced a
 * pending command); Nest then stops calling the remaining shutdown hooks, and the database pool is
 * never closed. The queue is closed either way, so that one error is logged and the shutdown goes on.
 */
@Injectable()
export class QueueShutdown implements OnApplicationBootstrap {
  private readonly logger = new Logger(QueueShutdown.name);

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const queue = wrapper.instance as ClosingQueue | null | undefined;
      if (!(queue instanceof Bull) || typeof queue.onApplicationShutdown !== 'function') continue;
      const close = queue.onApplicationShutdown.bind(queue);
      queue.onApplicationShutdown = async () => {
        try {
          await close();
        } catch (error) {
          if ((error as Error).message !== 'Connection is closed.') throw error;
          this.logger.warn(`Queue ${queue.name} closed with: ${(error as Error).message}`);
        }
      };
    }
  }
}

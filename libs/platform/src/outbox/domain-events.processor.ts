import { EntityManager } from '@mikro-orm/postgresql';
import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { Job, Queue } from 'bull';
import { RequestContext } from '../context/request-context';
import type { DeliveredEvent } from './delivered-event';
import { DOMAIN_EVENTS_QUEUE, HANDLES_EVENTS } from './domain-event-handler';
import type { DomainEventHandler } from './domain-event-handler';
import { OutboxAcknowledgements } from './outbox-acknowledgements';
import { OutboxSubscriptions } from './outbox-subscriptions';

/**
 * Delivers events to the in-process handlers of other contexts, awaiting every one of them. The
 * handlers commit their own transactions; the event is acknowledged once all of them completed
 * (a crash in between relays it again, which idempotent handlers absorb).
 */
@Injectable()
@Processor(DOMAIN_EVENTS_QUEUE)
export class DomainEventsProcessor implements OnModuleInit {
  private readonly handlers = new Map<string, DomainEventHandler[]>();

  constructor(
    @InjectQueue(DOMAIN_EVENTS_QUEUE) private readonly queue: Queue,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly context: RequestContext,
    private readonly acknowledgements: OutboxAcknowledgements,
    private readonly em: EntityManager,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const types = this.reflector.get<string[] | undefined>(HANDLES_EVENTS, metatype);
      if (!types) continue;
      for (const type of types) {
        this.handlers.set(type, [
          ...(this.handlers.get(type) ?? []),
          instance as DomainEventHandler,
        ]);
      }
    }
    this.subscriptions.register({
      queue: this.queue,
      accepts: (type) => this.handlers.has(type),
      includeSecrets: false,
    });
  }

  @Process({ concurrency: 4 })
  async deliver(job: Job<DeliveredEvent>): Promise<void> {
    const event = job.data;
    await this.context.run(
      {
        requestId: event.metadata.requestId ?? undefined,
        clientIp: event.metadata.clientIp ?? undefined,
        userAgent: event.metadata.userAgent ?? undefined,
        actorAccountId: event.metadata.actorAccountId ?? undefined,
      },
      async () => {
        for (const handler of this.handlers.get(event.type) ?? []) await handler.handle(event);
      },
    );
    await this.acknowledgements.acknowledge(this.em.fork(), DOMAIN_EVENTS_QUEUE, [event.eventId]);
  }
}

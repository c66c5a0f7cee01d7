import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_GUARD } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { SessionGuard } from './auth/session.guard';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { SecretHasher } from './crypto/secret-hasher';
import { RequestContext, requestContextOptions } from './context/request-context';
import { requestLogging } from './http/request-logging';
import { MigrationRunner } from './database/migration-runner';
import { NestedConnectionGuard } from './database/nested-connection.guard';
import { ormOptions } from './database/orm-options';
import { HealthController } from './health/health.controller';
import { MigrationsHealthIndicator, OutboxHealthIndicator } from './health/readiness.indicators';
import { RedisHealthIndicator } from './health/redis.health';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';
import { PlatformMetrics } from './metrics/platform-metrics';
import { CommittedEvents } from './outbox/committed-events';
import { OutboxBacklog } from './outbox/outbox-backlog';
import { DOMAIN_EVENTS_QUEUE } from './outbox/domain-event-handler';
import { DomainEventsProcessor } from './outbox/domain-events.processor';
import { OutboxAcknowledgements } from './outbox/outbox-acknowledgements';
import { OutboxMessage } from './outbox/outbox-message.entity';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxSignal } from './outbox/outbox-signal';
import { OutboxSubscriptions } from './outbox/outbox-subscriptions';
import { QueueShutdown } from './outbox/queue-shutdown';
import { TransactionRunner } from './outbox/transaction-runner';
import { RATE_LIMIT_STORAGE, RateLimiter } from './rate-limit/rate-limiter';
import { globalThrottle } from './rate-limit/global-throttle';
import { ResilientThrottlerStorage } from './rate-limit/resilient-throttler-storage';
import { BlockTokenThrottlerStorage } from './rate-limit/block-token-throttler-storage';

/**
 * The shared infrastructure every context stands on: configuration, logging, request context,
 * PostgreSQL (MikroORM), Redis (Bull), CQRS buses, the outbox and health.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    const rateLimitStorage = new ResilientThrottlerStorage(
      config.REDIS_URL,
      config.REDIS_KEY_PREFIX,
    );
    const globalThrottleStorage = new BlockTokenThrottlerStorage(
      config.REDIS_URL,
      config.REDIS_KEY_PREFIX,
      { blockSize: config.RATE_LIMIT_BLOCK },
    );
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(requestLogging(config)),
        ClsModule.forRoot(requestContextOptions()),
        MikroOrmModule.forRoot({
          ...ormOptions(config.DATABASE_URL),
          autoLoadEntities: true,
          registerRequestContext: true,
        }),
        MikroOrmModule.forFeature([OutboxMessage]),
        BullModule.forRoot({
          url: config.REDIS_URL,
          prefix: config.REDIS_KEY_PREFIX,
          defaultJobOptions: {
            attempts: 10,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: true,
            removeOnFail: false,
          },
        }),
        BullModule.registerQueue({ name: DOMAIN_EVENTS_QUEUE }),
        CqrsModule.forRoot(),
        DiscoveryModule,
        TerminusModule.forRoot({ logger: false }),
        ThrottlerModule.forRoot(
          globalThrottle(config.RATE_LIMIT_PER_MINUTE, globalThrottleStorage),
        ),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        MigrationRunner,
        NestedConnectionGuard,
        RequestContext,
        OutboxSignal,
        OutboxSubscriptions,
        OutboxAcknowledgements,
        TransactionRunner,
        OutboxRelay,
        QueueShutdown,
        DomainEventsProcessor,
        RedisHealthIndicator,
        MigrationsHealthIndicator,
        OutboxHealthIndicator,
        OutboxBacklog,
        CommittedEvents,
        Metrics,
        PlatformMetrics,
        SessionGuard,
        RateLimiter,
        SecretHasher,
        { provide: RATE_LIMIT_STORAGE, useValue: rateLimitStorage },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
      ],
      exports: [
        RequestContext,
        TransactionRunner,
        OutboxSubscriptions,
        OutboxAcknowledgements,
        OutboxRelay,
        SessionGuard,
        RateLimiter,
        SecretHasher,
        Metrics,
        CommittedEvents,
        BullModule,
      ],
    };
  }
}

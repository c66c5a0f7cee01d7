import { MikroOrmModule } from '@mikro-orm/nestjs';
import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_GUARD } from '@nestjs/core';
import type { Request } from 'express';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { SessionGuard } from './auth/session.guard';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { SecretHasher } from './crypto/secret-hasher';
import { clientAddress } from './context/client-address';
import { RequestContext } from './context/request-context';
import type { RequestContextStore } from './context/request-context';
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
import { ResilientThrottlerStorage } from './rate-limit/resilient-throttler-storage';

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
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            ...(config.prettyLogs
              ? {
                  transport: {
                    target: 'pino-pretty',
                    options: {
                      singleLine: true,
                      translateTime: 'SYS:HH:MM:ss.l',
                      ignore: 'pid,hostname',
                    },
                  },
                }
              : {}),
            genReqId: (req) => (req as Request & { id: string }).id,
            // One compact line per request: no header dump (cookies and tokens never reach the log).
            serializers: {
              req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
                remoteAddress: req.remoteAddress,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            // A 503 is the service saying "not now" (an outage, logged once with its cause where it is
            // recognised), not a fault of its own: a warning, without a made-up error and its stack.
            customLogLevel: (_req, res, error) =>
              error || (res.statusCode >= 500 && res.statusCode !== 503)
                ? 'error'
                : res.statusCode >= 400
                  ? 'warn'
                  : 'info',
            customErrorObject: (_req, res, _error, value: Record<string, unknown>) =>
              res.statusCode === 503 ? { ...value, err: undefined } : value,
          },
        }),
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            setup: (cls, req: Request & { id?: string }) => {
              const store = cls as unknown as {
                set<K extends keyof RequestContextStore>(k: K, v: RequestContextStore[K]): void;
              };
              store.set('requestId', req.id);
              store.set('clientIp', clientAddress(req));
              store.set('userAgent', req.headers['user-agent']?.slice(0, 512));
            },
          },
        }),
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
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-client', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE }],
          storage: rateLimitStorage,
        }),
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

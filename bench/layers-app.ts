// The layer ladder (bench/scenarios/layers.ts): a bare NestJS express app that adds the service's
// own global layers, imported from @app/platform, one step at a time. `LAYERS=n` starts it with the
// first n steps of LAYER_STEPS; the scenario measures each n in turn, so the difference between two
// steps is what that layer costs a request. Started as its own process with PORT (and, for the
// last step, DATABASE_URL and REDIS_URL/REDIS_KEY_PREFIX) set.
import 'reflect-metadata';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Controller, Get, Module } from '@nestjs/common';
import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ClsModule } from 'nestjs-cls';
import { Logger, LoggerModule } from 'nestjs-pino';
import {
  AppConfig,
  BlockTokenThrottlerStorage,
  Metrics,
  OutboxMessage,
  assignRequestId,
  globalThrottle,
  ormOptions,
  recordHttpMetrics,
  requestContextOptions,
  requestLogging,
  setRoutePrefix,
  useInputScreening,
  useSecurityHeaders,
  useValidation,
} from '@app/platform';

/** In the order the service applies them (express middleware, then module middleware, then guards). */
export const LAYER_STEPS = [
  'bare NestJS express endpoint',
  '+ request id',
  '+ HTTP metrics',
  '+ security headers (CSP/helmet, CORS, no-store)',
  '+ input screening (JSON-only, body parser, screening)',
  '+ validation pipe and exception filter',
  '+ request logging (nestjs-pino at warn)',
  '+ request context (nestjs-cls)',
  '+ global rate limit (throttler, Redis in blocks of tokens)',
  '+ ORM request context (MikroORM fork)',
] as const;

/** What the cheapest authenticated endpoint (`GET /me/two-factor`) answers for most accounts. */
@Controller('ladder')
class LadderController {
  @Get()
  status(): Record<string, unknown> {
    return {
      enabled: false,
      enrolled: false,
      requiredByGroup: false,
      locked: false,
      recoveryCodesRemaining: 0,
    };
  }
}

function ladderModule(steps: number): DynamicModule {
  const imports: (DynamicModule | Promise<DynamicModule>)[] = [];
  const providers: Provider[] = [Metrics];
  if (steps > 6)
    imports.push(LoggerModule.forRoot(requestLogging({ LOG_LEVEL: 'warn', prettyLogs: false })));
  if (steps > 7) imports.push(ClsModule.forRoot(requestContextOptions()));
  if (steps > 8) {
    // The service's global-limit storage, with its default block unless RATE_LIMIT_BLOCK says otherwise.
    const storage = new BlockTokenThrottlerStorage(
      process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      process.env.REDIS_KEY_PREFIX ?? 'bench-ladder',
      { blockSize: Number(process.env.RATE_LIMIT_BLOCK ?? new AppConfig().RATE_LIMIT_BLOCK) },
    );
    imports.push(ThrottlerModule.forRoot(globalThrottle(100_000_000, storage)));
    providers.push({ provide: APP_GUARD, useClass: ThrottlerGuard });
  }
  if (steps > 9)
    imports.push(
      MikroOrmModule.forRoot({
        ...ormOptions(process.env.DATABASE_URL ?? ''),
        entities: [OutboxMessage],
        registerRequestContext: true,
      }),
    );
  return { module: LadderModule, imports, controllers: [LadderController], providers };
}

@Module({})
class LadderModule {}

async function main(): Promise<void> {
  const steps = Number(process.env.LAYERS ?? LAYER_STEPS.length);
  const app = await NestFactory.create<NestExpressApplication>(ladderModule(steps), {
    bodyParser: steps <= 4,
    bufferLogs: steps > 6,
    logger: steps > 6 ? undefined : ['error'],
  });
  if (steps > 6) app.useLogger(app.get(Logger));
  if (steps > 1) {
    app.disable('x-powered-by');
    app.use(assignRequestId);
  }
  if (steps > 2) app.use(recordHttpMetrics(app.get(Metrics)));
  if (steps > 3) useSecurityHeaders(app, { COOKIE_SECURE: false, corsOrigins: [] });
  if (steps > 4) useInputScreening(app, '100kb');
  setRoutePrefix(app);
  if (steps > 5) useValidation(app);
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  process.stdout.write('LADDER_READY\n');
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) void main();

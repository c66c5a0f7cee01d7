import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, MikroOrmHealthIndicator } from '@nestjs/terminus';
import { RedisHealthIndicator } from './redis.health';
import { MigrationsHealthIndicator, OutboxHealthIndicator } from './readiness.indicators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
    private readonly outbox: OutboxHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Database and Redis reachability (503 when either is down)' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.redis.check('redis'),
    ]);
  }

  @Get('live')
  @SkipThrottle()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Liveness: the process answers (no dependency is checked; restart only when this fails)',
  })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @SkipThrottle()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: database, Redis, migrations applied and event delivery keeping up (503 otherwise: send no traffic)',
  })
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1000 }),
      () => this.redis.check('redis'),
      () => this.migrations.check('migrations'),
      () => this.outbox.check('outbox'),
    ]);
  }
}

import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { OutboxBacklog } from '../outbox/outbox-backlog';

/** Is every migration applied? Once true it stays true until the next deployment (a new process). */
@Injectable()
export class MigrationsHealthIndicator {
  private applied = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    if (this.applied) return indicator.up();
    try {
      const pending = await this.orm.getMigrator().getPendingMigrations();
      if (pending.length > 0)
        return indicator.down({ pending: pending.map((migration) => migration.name) });
      this.applied = true;
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

/** Is event delivery (mail, audit, reactions) keeping up? Down when its oldest event is too old. */
@Injectable()
export class OutboxHealthIndicator {
  constructor(
    private readonly backlog: OutboxBacklog,
    private readonly config: AppConfig,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const { size, oldestAgeSeconds } = await this.backlog.measure();
      const details = { backlog: size, oldestAgeSeconds: Math.round(oldestAgeSeconds) };
      return oldestAgeSeconds <= this.config.READINESS_OUTBOX_MAX_AGE_SECONDS
        ? indicator.up(details)
        : indicator.down(details);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

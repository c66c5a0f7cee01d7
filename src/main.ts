import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  checkSettings,
  ConfigError,
  configureApp,
  describeUnreachable,
  findUnreachable,
  loadConfig,
  STOP_SIGNALS,
} from '@app/platform';
import type { AppConfig } from '@app/platform';
import { AppModule, CONTEXT_MODULES } from './app.module';
import { MailSettings } from './modules/mail/public-api';

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
    checkSettings(config.environment, ...CONTEXT_MODULES);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const unreachable = await findUnreachable(config);
  if (unreachable) {
    process.stderr.write(`${describeUnreachable(unreachable)}\n`);
    process.exit(1);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    forceCloseConnections: false,
  });
  configureApp(app);
  exitWhenShutdownOverruns(config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT);
  announce(config);
}

/** One line for the person who just started it: where everything is. */
function announce(config: AppConfig): void {
  const base = `http://localhost:${config.PORT}`;
  const mails = config.environment.read(MailSettings).destination;
  new Logger('Ready').log(
    `Serving ${base}/ · API docs ${base}/docs · health ${base}/health/ready · mails go to ${mails}`,
  );
}

/**
 * Nest's shutdown hooks close the HTTP server, the queues (after their running jobs), the outbox
 * relay and the database pool. Any of them can wait on a peer that never answers (a client that
 * never finishes its request, a Redis that went away mid-close); past the deadline the process
 * says so and exits, so an orchestrator's stop never hangs. Nothing committed is lost: events stay
 * in the outbox and unfinished jobs are retried by the next instance.
 */
function exitWhenShutdownOverruns(timeoutMs: number): void {
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('Shutdown').error(
          `Shutdown did not finish within ${timeoutMs} ms; exiting. Still open: ${process.getActiveResourcesInfo().join(', ')}`,
        );
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `Failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});

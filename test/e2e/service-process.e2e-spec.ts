import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { redisPrefix, runId } from '@test/support/environment';
import { freePort } from '@test/support/free-port';
import { exited, startNode, waitForHttpOk } from '@test/support/node-process';
import { createTestDatabase } from '@test/support/test-app';

const startService = (env: Record<string, string>) =>
  startNode('src/main.ts', { env: { NODE_ENV: 'test', LOG_LEVEL: 'info', ...env } });

describe('the service as a process', () => {
  it('stops at boot with one line naming an invalid setting', async () => {
    const { child, output } = startService({ PORT: 'not-a-port' });
    const { code } = await exited(child);
    expect(code).toBe(1);
    expect(output().trim()).toBe('Invalid configuration: PORT must be an integer number');
  });

  it('stops at boot with one line naming an invalid setting of a context, before connecting', async () => {
    const { child, output } = startService({
      TOTP_ENCRYPTION_KEY: 'not-a-key',
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    const { code } = await exited(child);
    expect(code).toBe(1);
    expect(output().trim()).toMatch(
      /^Invalid configuration: TOTP_ENCRYPTION_KEY must be set \(required in production\) to base64 [^\n]*$/,
    );
    expect(output()).not.toContain('not-a-key');
  });

  it('applies migrations, serves /health and /docs, and shuts down gracefully on SIGTERM', async () => {
    const port = await freePort();
    const { child, output } = startService({
      PORT: String(port),
      DATABASE_URL: await createTestDatabase(),
      MIGRATIONS_RUN: 'true',
      REDIS_KEY_PREFIX: `${redisPrefix(runId())}-process`,
    });
    try {
      const res = await waitForHttpOk(`http://127.0.0.1:${port}/health`, {
        timeoutMs: 50_000,
        what: 'the service to answer /health',
      });
      expect(((await res.json()) as { status: string }).status).toBe('ok');
      expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
      expect(output()).toContain('Database schema is up to date');

      child.kill('SIGTERM');
      const { code, signal } = await exited(child);
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
      expect(output()).not.toMatch(/"level":50/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('exits with code 1 naming what was still open when shutdown overruns SHUTDOWN_TIMEOUT_MS', async () => {
    const port = await freePort();
    const { child, output } = startService({
      PORT: String(port),
      DATABASE_URL: await createTestDatabase(),
      MIGRATIONS_RUN: 'true',
      REDIS_KEY_PREFIX: `${redisPrefix(runId())}-process-overrun`,
      SHUTDOWN_TIMEOUT_MS: '1500',
    });
    let socket: Socket | undefined;
    try {
      await waitForHttpOk(`http://127.0.0.1:${port}/health`, {
        timeoutMs: 50_000,
        what: 'the service to answer /health',
      });
      // A client that never finishes its request keeps the HTTP server from closing.
      const client = (socket = connect(port, '127.0.0.1'));
      client.on('error', () => undefined);
      await new Promise<void>((resolve) =>
        client.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n', () => resolve()),
      );

      child.kill('SIGTERM');
      const { code } = await exited(child);
      expect(code).toBe(1);
      expect(output()).toContain('Shutdown did not finish within 1500 ms; exiting');
    } finally {
      socket?.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});

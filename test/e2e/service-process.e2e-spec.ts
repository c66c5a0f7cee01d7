import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { redisPrefix, runId } from '../support/environment';
import { createTestDatabase } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const root = join(__dirname, '../..');

function startService(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/main.ts'],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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
      const health = await waitFor(
        async () => {
          const res = await fetch(`http://127.0.0.1:${port}/health`);
          return res.status === 200 && ((await res.json()) as { status: string });
        },
        { timeoutMs: 50_000, intervalMs: 250, what: 'the service to answer /health' },
      );
      expect(health.status).toBe('ok');
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
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200, {
        timeoutMs: 50_000,
        intervalMs: 250,
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

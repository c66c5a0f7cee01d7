import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import Redis from 'ioredis';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

/**
 * A redis-server of the test's own on a free port, so a test can kill and restart it without
 * touching the shared one. Nothing is persisted: a restart comes back empty, like a lost Redis.
 */
export class PrivateRedis {
  private process: ChildProcess | null = null;
  port = 0;

  async start(): Promise<this> {
    if (this.process && this.process.exitCode === null) return this;
    if (!this.port) this.port = await freePort();
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(
      async () => {
        const client = new Redis({
          port: this.port,
          host: '127.0.0.1',
          lazyConnect: true,
          retryStrategy: () => null,
          maxRetriesPerRequest: 0,
        });
        client.on('error', () => undefined);
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      { what: `redis-server on port ${this.port}` },
    );
    return this;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.process = null;
  }
}

import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { runMigrationsInChildProcess } from './run-migrations';
import { waitFor } from './wait-for';

const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed server version's binaries (Debian layout: /usr/lib/postgresql/<major>/bin). */
function binaries(): string {
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error(`no PostgreSQL server under ${POSTGRES_ROOT}`);
  return join(POSTGRES_ROOT, versions[0], 'bin');
}

/**
 * initdb and postgres refuse to run as root: when the tests run as root, the server runs as the
 * `postgres` OS user (the child is the postmaster itself, so it can be signalled by its PID).
 */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = ['-u', '-g'].map((flag) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim()),
  );
  return { uid, gid };
}

/**
 * A PostgreSQL server of the test's own, on a free port with a throw-away data directory, so a
 * test can stop and restart it without touching the shared one. Unlike PrivateRedis it keeps its
 * data across a restart: a database outage loses connections, not rows.
 */
export class PrivatePostgres {
  private process: ChildProcess | null = null;
  private readonly bin = binaries();
  private readonly user = serverUser();
  private directory = '';
  port = 0;

  async start(): Promise<this> {
    if (this.process && this.process.exitCode === null) return this;
    if (!this.directory) await this.initialise();
    this.process = spawn(
      join(this.bin, 'postgres'),
      [
        '-D',
        this.dataDirectory,
        '-p',
        String(this.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `unix_socket_directories=${this.directory}`,
        '-c',
        'fsync=off',
      ],
      { stdio: 'ignore', cwd: this.directory, ...this.user },
    );
    await waitFor(() => this.accepts(), { what: `PostgreSQL on port ${this.port}` });
    return this;
  }

  /** An immediate shutdown (what `pg_ctl stop -m immediate` sends): every connection is cut at once. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGQUIT');
    await exited;
    this.process = null;
  }

  /** Stops the server and removes its data directory. */
  async destroy(): Promise<void> {
    await this.stop();
    if (this.directory) rmSync(this.directory, { recursive: true, force: true });
    this.directory = '';
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** A new database with every migration of the project applied; returns its URL. */
  async createMigratedDatabase(name: string): Promise<string> {
    const client = new Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`create database "${name}"`);
    } finally {
      await client.end();
    }
    runMigrationsInChildProcess(this.url(name));
    return this.url(name);
  }

  private get dataDirectory(): string {
    return join(this.directory, 'data');
  }

  private async initialise(): Promise<void> {
    this.directory = mkdtempSync(join(tmpdir(), 'ap-postgres-'));
    if (this.user) chownSync(this.directory, this.user.uid, this.user.gid);
    this.port = await freePort();
    execFileSync(
      join(this.bin, 'initdb'),
      ['-D', this.dataDirectory, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'],
      { stdio: 'ignore', cwd: this.directory, ...this.user },
    );
  }

  private async accepts(): Promise<boolean> {
    const client = new Client({ connectionString: this.url(), connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

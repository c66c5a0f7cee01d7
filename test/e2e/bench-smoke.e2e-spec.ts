import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVER_DATABASE_URL } from '../support/environment';

/**
 * Keeps the benchmark from rotting: runs every scenario of `bench/run.ts --smoke` for a moment and
 * checks that it completes with every row and without errors. It never asserts a time or a ratio.
 */
const root = join(__dirname, '../..');

interface Resources {
  database?: string;
  serverPid?: number;
  barePid?: number;
}

interface BenchRow {
  figure: string;
  measured: boolean;
  errors: number;
  loads: { errors: number; requests: number; operations?: number }[];
}

function alive(pid: number | undefined): pid is number {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the benchmark in smoke mode', () => {
  let child: ChildProcess | undefined;
  let resources: Resources = {};
  const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of [resources.serverPid, resources.barePid])
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (resources.database) {
      const pg = new Client({ connectionString: SERVER_DATABASE_URL });
      await pg.connect();
      try {
        await pg.query(`drop database if exists "${resources.database}" with (force)`);
      } finally {
        await pg.end();
      }
    }
    rmSync(out, { recursive: true, force: true });
  });

  it('runs every scenario and reports every row with zero errors', async () => {
    let output = '';
    child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'bench/run.ts',
        '--smoke',
        '--out',
        out,
      ],
      { cwd: root, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^BENCH_RESOURCES (.+)$/m.exec(output);
      if (match && !resources.database) resources = JSON.parse(match[1]) as Resources;
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    const code = await new Promise<number | null>((resolve) => child?.once('exit', resolve));

    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    const { rows } = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as {
      rows: BenchRow[];
    };
    expect(rows.map((r) => r.figure)).toEqual([
      'password logins/s (random seeded accounts)',
      'logins/s for two-factor accounts (password + TOTP)',
      'authenticated GET /me requests/s',
      'audit events/s end to end (command → outbox → Bull → audit row)',
      'login p50 latency, 1,000,000 vs 10,000 accounts',
    ]);
    for (const row of rows) {
      expect({ figure: row.figure, errors: row.errors }).toEqual({ figure: row.figure, errors: 0 });
      for (const load of row.loads) expect(load.errors).toBe(0);
    }
    expect(rows.filter((r) => r.measured).length).toBeGreaterThanOrEqual(2);
    // The two-factor logins and the population comparison must have run, not been skipped.
    const byFigure = new Map(rows.map((r) => [r.figure, r]));
    const twoFactor = byFigure.get('logins/s for two-factor accounts (password + TOTP)');
    expect(twoFactor?.measured).toBe(true);
    expect(twoFactor?.loads).toHaveLength(3);
    expect(twoFactor?.loads[0].operations).toBeGreaterThan(0);
    const scale = byFigure.get('login p50 latency, 1,000,000 vs 10,000 accounts');
    expect(scale?.measured).toBe(true);
    expect(scale?.loads).toHaveLength(2);
    for (const load of scale?.loads ?? []) expect(load.requests).toBeGreaterThan(0);
    expect(readFileSync(join(out, 'latest.md'), 'utf8')).toContain('| figure |');
  }, 180_000);
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SERVER_DATABASE_URL } from '@test/support/environment';
import { exited, startNode } from '@test/support/node-process';
import type { NodeProcess } from '@test/support/node-process';

/**
 * Keeps the benchmark from rotting: runs every scenario of `bench/run.ts --smoke` for a moment and
 * checks that it completes with every row and without errors. It never asserts a time or a ratio.
 */
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

/** What the run said it created (its first line of this kind), so a crashed run can be cleaned up. */
function resourcesOf(output: string): Resources {
  const match = /^BENCH_RESOURCES (.+)$/m.exec(output);
  return match ? (JSON.parse(match[1]) as Resources) : {};
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
  let bench: NodeProcess | undefined;
  const out = mkdtempSync(join(tmpdir(), 'bench-smoke-'));

  afterAll(async () => {
    const child = bench?.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const resources = resourcesOf(bench?.output() ?? '');
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
    bench = startNode('bench/run.ts', { args: ['--smoke', '--out', out] });
    const { code } = await exited(bench.child);

    expect({ code, output: code === 0 ? '' : bench.output() }).toEqual({ code: 0, output: '' });
    const { rows } = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as {
      rows: BenchRow[];
    };
    expect(rows.map((r) => r.figure)).toEqual([
      'password logins/s (random seeded accounts)',
      'logins/s for two-factor accounts (password + TOTP)',
      'authenticated GET /me requests/s',
      'cheapest authenticated endpoint (GET /me/two-factor) requests/s',
      'global layers: every layer of the edge ÷ bare endpoint, requests/s',
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
    // Against a hang only: the layer ladder starts two more processes (about 20 s each on a loaded
    // 2-core machine, where the whole run took over 180 s).
  }, 300_000);
});

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
  efficiencyTarget?: number;
  cpuEfficiency?: number;
  efficiencyReached?: boolean;
  serverCpuMsPerOperation?: number;
  referenceCpuMsPerOperation?: number;
  serverPeakRssMiB?: number;
  peakRssReached?: boolean;
}

const PASSWORD = 'password logins/s (random seeded accounts)';
const TWO_FACTOR = 'logins/s for two-factor accounts (password + TOTP)';
const REGISTRATIONS = 'registrations/s (individual accounts, new user ID each)';
const POPULATION = 'login p50 latency, 1,000,000 vs 10,000 accounts';

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
    const { rows, facts } = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as {
      rows: BenchRow[];
      facts: Record<string, unknown>;
    };
    expect(rows.map((r) => r.figure)).toEqual([
      PASSWORD,
      TWO_FACTOR,
      REGISTRATIONS,
      'authenticated GET /me requests/s',
      'cheapest authenticated endpoint (GET /me/two-factor) requests/s',
      'global layers: every layer of the edge ÷ bare endpoint, requests/s',
      'audit events/s end to end (command → outbox → Bull → audit row)',
      'audit drain events/s (outbox backlog → audit rows)',
      'audit commit-to-row lag p99 under the password-login ceiling',
      POPULATION,
    ]);
    for (const row of rows) {
      expect({ figure: row.figure, errors: row.errors }).toEqual({ figure: row.figure, errors: 0 });
      for (const load of row.loads) expect(load.errors).toBe(0);
    }
    expect(rows.filter((r) => r.measured).length).toBeGreaterThanOrEqual(2);
    // The two-factor logins and the population comparison must have run, not been skipped.
    const byFigure = new Map(rows.map((r) => [r.figure, r]));
    const twoFactor = byFigure.get(TWO_FACTOR);
    expect(twoFactor?.measured).toBe(true);
    expect(twoFactor?.loads).toHaveLength(3);
    expect(twoFactor?.loads[0].operations).toBeGreaterThan(0);
    expect(byFigure.get(REGISTRATIONS)?.loads[0].requests).toBeGreaterThan(0);
    // Every row that hashes reports its CPU efficiency next to the argon2 reference's own CPU per
    // operation; the others their server-side CPU per operation. Each row has a peak RSS of its own
    // and whether it stays within the target (their values are not asserted: the columns are).
    for (const row of rows) {
      const hashes = [PASSWORD, TWO_FACTOR, REGISTRATIONS].includes(row.figure);
      expect({
        figure: row.figure,
        efficiency: typeof row.cpuEfficiency,
        efficiencyReached: typeof row.efficiencyReached,
        referenceCpu: typeof row.referenceCpuMsPerOperation,
        serverCpu: typeof row.serverCpuMsPerOperation,
        peakRss: typeof row.serverPeakRssMiB,
        peakRssReached: typeof row.peakRssReached,
      }).toEqual({
        figure: row.figure,
        efficiency: hashes ? 'number' : 'undefined',
        efficiencyReached: hashes ? 'boolean' : 'undefined',
        referenceCpu: hashes ? 'number' : 'undefined',
        // The population row runs fixed rates only, without a closed loop to break down.
        serverCpu: row.figure === POPULATION ? 'undefined' : 'number',
        peakRss: 'number',
        peakRssReached: 'boolean',
      });
    }
    expect(typeof facts.serverBootPeakRssMiB).toBe('number');
    const scale = byFigure.get(POPULATION);
    expect(scale?.measured).toBe(true);
    expect(scale?.loads).toHaveLength(2);
    for (const load of scale?.loads ?? []) expect(load.requests).toBeGreaterThan(0);
    const markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    expect(markdown).toContain('| figure |');
    for (const column of ['CPU efficiency', 'server CPU ms/op', '≤ 400 MiB', 'all server-side'])
      expect({ column, present: markdown.includes(column) }).toEqual({ column, present: true });
    // Against a hang only: ten rows and the layer ladder's processes on a shared 2-core machine
    // took 4–5 min in smoke mode.
  }, 600_000);
});

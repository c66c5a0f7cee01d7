import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuEfficiency, serverCpuMs } from './cpu-usage';
import type { Load } from './load';
import { PEAK_RSS_TARGET_MIB } from './service';

export interface Row {
  figure: string;
  measured: boolean;
  value?: number;
  unit?: string;
  reference?: number;
  referenceName?: string;
  ratio?: number;
  target: string;
  reached?: boolean;
  loads: Load[];
  errors: number;
  /**
   * Rows whose operation hashes once with argon2 (logins, registrations): the least CPU efficiency
   * (argon2 CPU ÷ all server-side CPU per operation, closed loop) the row aims at. Without it the row
   * shows its server-side CPU per operation instead.
   */
  efficiencyTarget?: number;
  /** Set by `report`: thread pool (argon2) CPU ÷ all server-side CPU per operation, closed loop. */
  cpuEfficiency?: number;
  efficiencyReached?: boolean;
  /** Set by `report`: service threads + PostgreSQL + Redis CPU ms per operation, closed loop. */
  serverCpuMsPerOperation?: number;
  /** The argon2 reference's own CPU ms per operation: its whole process, and its libuv pool. */
  referenceCpuMsPerOperation?: number;
  referencePoolCpuMsPerOperation?: number;
  /** Peak RSS of the service during this row only (VmHWM reset before it, read after it). */
  serverPeakRssMiB?: number;
  /** RSS of the service when the row started (what the peak grew from). */
  serverRssBeforeMiB?: number;
  /** Set by `report`: peak RSS ≤ PEAK_RSS_TARGET_MIB. */
  peakRssReached?: boolean;
  note?: string;
}

/** The figures `report` derives from a row's closed loop and peak RSS. */
function derive(row: Row): Row {
  const cpu = row.loads[0]?.cpuMsPerOperation;
  const derived: Row = { ...row };
  if (cpu) {
    derived.serverCpuMsPerOperation = Math.round(serverCpuMs(cpu) * 10) / 10;
    if (row.efficiencyTarget !== undefined) {
      derived.cpuEfficiency = cpuEfficiency(cpu);
      derived.efficiencyReached = derived.cpuEfficiency >= row.efficiencyTarget;
    }
  }
  if (row.serverPeakRssMiB !== undefined)
    derived.peakRssReached = row.serverPeakRssMiB <= PEAK_RSS_TARGET_MIB;
  return derived;
}

const yesNo = (reached: boolean | undefined) =>
  reached === undefined ? '–' : reached ? 'yes' : 'no';

/** "0.55 (≥ 0.80: no)" for rows that hash, else the server-side CPU ms per operation. */
function efficiencyCell(r: Row): string {
  if (r.cpuEfficiency !== undefined)
    return `${fmt(r.cpuEfficiency, 2)} (≥ ${fmt(r.efficiencyTarget, 2)}: ${yesNo(r.efficiencyReached)})`;
  return r.serverCpuMsPerOperation !== undefined
    ? `– (${fmt(r.serverCpuMsPerOperation)} ms/op)`
    : '–';
}

function rssCell(r: Row): string {
  return r.serverPeakRssMiB === undefined
    ? '–'
    : `${r.serverPeakRssMiB} (from ${r.serverRssBeforeMiB ?? '–'})`;
}

export const fmt = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function markdown(rows: Row[], facts: Record<string, unknown>): string {
  const lines = [
    '# Benchmark results',
    '',
    '| fact | value |',
    '|---|---|',
    ...Object.entries(facts).map(([k, v]) => `| ${k} | ${String(v)} |`),
    '',
    `| figure | measured | reference (same run) | ratio | target | reached | CPU efficiency (target: reached) | server CPU ms/op | p50/p95/p99 ms (closed loop) | errors | service peak RSS MiB in the row (from) | ≤ ${PEAK_RSS_TARGET_MIB} MiB |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (!r.measured) {
      lines.push(
        `| ${r.figure} | not measured in this run | – | – | ${r.target} | – | – | – | – | – | – | – |`,
      );
      continue;
    }
    const l = r.loads[0];
    lines.push(
      `| ${r.figure} | ${fmt(r.value)} ${r.unit ?? ''} | ${fmt(r.reference)} (${r.referenceName ?? ''}) | ${fmt(r.ratio, 2)} | ${r.target} | ${yesNo(r.reached)} | ${efficiencyCell(r)} | ${fmt(r.serverCpuMsPerOperation)} | ${l ? `${l.p50}/${l.p95}/${l.p99}` : '–'} | ${r.errors} | ${rssCell(r)} | ${yesNo(r.peakRssReached)} |`,
    );
  }
  lines.push(
    '',
    '## Latency at fixed arrival rates',
    '',
    '| figure | load | achieved/s | p50 ms | p95 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of rows)
    for (const l of r.loads)
      lines.push(
        `| ${r.figure} | ${l.rate} | ${fmt(l.perSecond)} | ${l.p50} | ${l.p95} | ${l.p99} | ${l.errors} |`,
      );
  lines.push(
    '',
    '## Where the CPU goes (closed loop, CPU ms per operation: completed + left in flight)',
    '',
    'From /proc: the service main thread (event loop: HTTP, ORM, drivers, queue consumers), its libuv',
    'thread pool (argon2), its other threads (V8 garbage collector and compiler), the PostgreSQL',
    "backends of the benchmark's database, and Redis. CPU efficiency = thread pool ÷ all of them.",
    "The argon2 reference's own CPU per operation (whole process, and its pool found by the same rule)",
    'is what the thread-pool column of a row that hashes once should show.',
    '',
    "| figure | main thread | thread pool | other service threads | PostgreSQL | Redis | all server-side | CPU efficiency | argon2 reference's own CPU/op (its pool) |",
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of rows) {
    const cpu = r.loads[0]?.cpuMsPerOperation;
    if (cpu)
      lines.push(
        `| ${r.figure} | ${cpu.mainThread} | ${cpu.threadPool} | ${cpu.otherThreads} | ${cpu.postgres} | ${cpu.redis} | ${fmt(r.serverCpuMsPerOperation)} | ${fmt(r.cpuEfficiency, 2)} | ${r.referenceCpuMsPerOperation === undefined ? '–' : `${fmt(r.referenceCpuMsPerOperation)} (${fmt(r.referencePoolCpuMsPerOperation)})`} |`,
      );
  }
  lines.push('', '## Notes', '');
  for (const r of rows) if (r.note) lines.push(`- **${r.figure}**: ${r.note}`);
  return lines.join('\n') + '\n';
}

function printTable(rows: Row[]): void {
  const table = rows.map((r) => ({
    figure: r.figure.slice(0, 48),
    value: r.measured ? fmt(r.value) : 'not measured',
    reference: r.measured ? fmt(r.reference) : '–',
    ratio: r.measured ? fmt(r.ratio, 2) : '–',
    target: r.target,
    'CPU eff.': r.cpuEfficiency === undefined ? '–' : fmt(r.cpuEfficiency, 2),
    'server CPU ms/op': fmt(r.serverCpuMsPerOperation),
    'p50/p95/p99 ms': r.loads[0] ? `${r.loads[0].p50}/${r.loads[0].p95}/${r.loads[0].p99}` : '–',
    errors: r.errors,
    'peak RSS MiB': r.serverPeakRssMiB ?? '–',
    [`≤ ${PEAK_RSS_TARGET_MIB}`]: yesNo(r.peakRssReached),
  }));
  console.table(table);
}

/** Prints the table, then writes `<out>/latest.json` and `<out>/latest.md`. */
export function report(out: string, measured: Row[], facts: Record<string, unknown>): void {
  const rows = measured.map(derive);
  printTable(rows);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), JSON.stringify({ facts, rows }, null, 2) + '\n');
  writeFileSync(join(out, 'latest.md'), markdown(rows, facts));
  process.stdout.write(`wrote ${join(out, 'latest.json')} and latest.md\n`);
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Load } from './load';

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
  serverPeakRssMiB?: number;
  note?: string;
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
    '| figure | measured | reference (same run) | ratio | target | reached | p50/p95/p99 ms (closed loop) | errors | server peak RSS MiB |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    if (!r.measured) {
      lines.push(
        `| ${r.figure} | not measured in this run | – | – | ${r.target} | – | – | – | – |`,
      );
      continue;
    }
    const l = r.loads[0];
    lines.push(
      `| ${r.figure} | ${fmt(r.value)} ${r.unit ?? ''} | ${fmt(r.reference)} (${r.referenceName ?? ''}) | ${fmt(r.ratio, 2)} | ${r.target} | ${r.reached ? 'yes' : 'no'} | ${l ? `${l.p50}/${l.p95}/${l.p99}` : '–'} | ${r.errors} | ${r.serverPeakRssMiB ?? '–'} |`,
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
    '## Where the CPU goes (closed loop, CPU ms per completed operation)',
    '',
    'From /proc: the service main thread (event loop: HTTP, ORM, drivers, queue consumers), its libuv',
    'thread pool (argon2), its other threads (V8 garbage collector and compiler), the PostgreSQL',
    "backends of the benchmark's database, and Redis.",
    '',
    '| figure | main thread | thread pool | other service threads | PostgreSQL | Redis |',
    '|---|---|---|---|---|---|',
  );
  for (const r of rows) {
    const cpu = r.loads[0]?.cpuMsPerOperation;
    if (cpu)
      lines.push(
        `| ${r.figure} | ${cpu.mainThread} | ${cpu.threadPool} | ${cpu.otherThreads} | ${cpu.postgres} | ${cpu.redis} |`,
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
    'p50/p95/p99 ms': r.loads[0] ? `${r.loads[0].p50}/${r.loads[0].p95}/${r.loads[0].p99}` : '–',
    errors: r.errors,
    'peak RSS MiB': r.serverPeakRssMiB ?? '–',
  }));
  console.table(table);
}

/** Prints the table, then writes `<out>/latest.json` and `<out>/latest.md`. */
export function report(out: string, rows: Row[], facts: Record<string, unknown>): void {
  printTable(rows);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), JSON.stringify({ facts, rows }, null, 2) + '\n');
  writeFileSync(join(out, 'latest.md'), markdown(rows, facts));
  process.stdout.write(`wrote ${join(out, 'latest.json')} and latest.md\n`);
}

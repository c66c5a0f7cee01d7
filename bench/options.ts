import { join } from 'node:path';

/** The project root: the service, its build and the bench scripts are started from here. */
export const root = join(__dirname, '..');

export interface Args {
  smoke: boolean;
  accounts: number;
  scaleAccounts: number;
  duration: number;
  connections: number;
  out: string;
  /** The scenarios to run (`--only password,me`); all when not given. */
  only: Set<Scenario> | null;
}

/** The rows a run can be limited to with `--only`. */
export const SCENARIOS = [
  'password',
  'two-factor',
  'registrations',
  'me',
  'layers',
  'audit',
  'population',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

function parseOnly(list: string | undefined): Set<Scenario> | null {
  if (list === undefined) return null;
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `--only: unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.join(', ')})`,
    );
  return new Set(names as Scenario[]);
}

/** Whether `--only` (or its absence) selects the scenario. */
export function selected(args: Args, scenario: Scenario): boolean {
  return args.only === null || args.only.has(scenario);
}

export function parseArgs(argv: string[]): Args {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const smoke = argv.includes('--smoke');
  const accounts = Number(value('--accounts') ?? (smoke ? 200 : 10_000));
  // `--accounts 1000000` runs every throughput row on a million accounts; the population row then
  // grows on from there (to twice as many) unless told otherwise.
  const scaleAccounts = Number(
    value('--scale-accounts') ??
      (smoke ? Math.max(2_000, accounts * 10) : Math.max(1_000_000, accounts * 2)),
  );
  if (!(scaleAccounts > accounts))
    throw new Error(
      `--scale-accounts (${scaleAccounts}) must be larger than --accounts (${accounts})`,
    );
  return {
    smoke,
    accounts,
    scaleAccounts,
    duration: Number(value('--duration') ?? (smoke ? 1.5 : 20)),
    connections: Number(value('--connections') ?? 8),
    out: value('--out') ?? join(root, 'bench/results'),
    only: parseOnly(value('--only')),
  };
}

/** Seconds of each fixed-arrival-rate phase: half the closed loop's, at least one. */
export function fixedRateSeconds(args: Args): number {
  return Math.max(1, args.duration / 2);
}

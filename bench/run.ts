/**
 * `npm run bench [-- --smoke] [--accounts N] [--scale-accounts N] [--duration S] [--connections C] [--out DIR]`
 *
 * Prepares its own database and Redis prefix, starts the service as a user would (a separate
 * process), seeds accounts with real argon2id hashes, and measures each figure side by side with
 * its reference in the same run. Load comes from autocannon in this process. Writes
 * <out>/latest.json and <out>/latest.md (default out: bench/results).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import autocannon from 'autocannon';
import { perOperation, snapshot } from './cpu-usage';
import type { CpuBreakdown } from './cpu-usage';
import Redis from 'ioredis';
import { authenticator } from 'otplib';
import { Client } from 'pg';
import { SecretCipher, parseKeyring } from '../src/modules/two-factor/infrastructure/secret-cipher';
import { TOTP_OPTIONS, Totp } from '../src/modules/two-factor/infrastructure/totp';

const root = join(__dirname, '..');
const SERVER_URL =
  process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ARGON2 = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const DISTINCT_HASHES = 8;

interface Args {
  smoke: boolean;
  accounts: number;
  scaleAccounts: number;
  duration: number;
  connections: number;
  out: string;
}

function parseArgs(argv: string[]): Args {
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
  };
}

export interface Load {
  rate: string;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** HTTP requests completed (for two-request logins: both steps). */
  requests: number;
  /** Operations completed, when one operation takes several requests (two-factor logins). */
  operations?: number;
  /** Closed loop only: CPU milliseconds per completed operation, by process and thread. */
  cpuMsPerOperation?: CpuBreakdown | null;
}

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

const processes: ChildProcess[] = [];
/** The service process whose CPU the closed-loop phases break down (set once it is running). */
let cpuProbe: { pid: number; poolSize: number; database: string } | null = null;
const restoreSnapshots: (() => void)[] = [];
let databaseName = '';
let redisPrefix = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: Client) => Promise<T>, url = SERVER_URL): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function startNode(
  script: string,
  env: Record<string, string>,
  extra: string[] = [],
): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(
    process.execPath,
    script.endsWith('.js')
      ? [script, ...extra]
      : ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...extra],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on(
    'data',
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
  );
  child.stderr?.on(
    'data',
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)),
  );
  processes.push(child);
  return { child, output: () => output };
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  output?: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}${output ? `\n${output().slice(-3000)}` : ''}`);
}

/** Peak resident set size of a process (VmHWM), in MiB. */
function peakRssMiB(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** What one autocannon run counted itself, for operations of several requests. */
interface OperationCount {
  /** Operations whose last request succeeded. */
  completed: number;
  /** 2xx responses that are not what the flow expects (also errors), and other flow failures. */
  unexpected: number;
}

function toLoad(rate: string, result: autocannon.Result, operations?: OperationCount): Load {
  const latency = result.latency as autocannon.Result['latency'] & Record<string, number>;
  return {
    rate,
    perSecond: (operations?.completed ?? result.requests.total) / result.duration,
    p50: latency.p50,
    p95: latency.p95 ?? latency.p97_5,
    p99: latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + (operations?.unexpected ?? 0),
    requests: result.requests.total,
    ...(operations ? { operations: operations.completed } : {}),
  };
}

/**
 * For loads whose unit is an operation of several requests (a two-factor login is two): the
 * scenario counts completed operations in `onResponse` into `counter`, the profile takes the
 * difference per run, and converts operations/s into autocannon's requests/s for fixed rates.
 */
interface MultiRequestOperation {
  requestsPerOperation: number;
  counter: OperationCount;
  /** Called before each fixed-rate phase with its operations/s and seconds. */
  beforeFixedRate?: (perSecond: number, seconds: number) => Promise<void>;
}

/** Closed-loop ceiling, then fixed arrival rates at 50% and 80% of it. */
async function loadProfile(
  options: Omit<autocannon.Options, 'duration' | 'connections'>,
  args: Args,
  operation?: MultiRequestOperation,
): Promise<Load[]> {
  const base = {
    ...options,
    connections: args.connections,
    latencyPercentiles: [50, 95, 99],
    timeout: 30,
  };
  const run = async (rate: string, opts: autocannon.Options): Promise<Load> => {
    if (!operation) return toLoad(rate, await autocannon(opts));
    const before = { ...operation.counter };
    const result = await autocannon(opts);
    return toLoad(rate, result, {
      completed: operation.counter.completed - before.completed,
      unexpected: operation.counter.unexpected - before.unexpected,
    });
  };
  const cpuBefore = cpuProbe && snapshot(cpuProbe.pid, cpuProbe.poolSize, cpuProbe.database);
  const ceiling = await run('closed loop', { ...base, duration: args.duration });
  if (cpuProbe)
    ceiling.cpuMsPerOperation = perOperation(
      cpuBefore,
      snapshot(cpuProbe.pid, cpuProbe.poolSize, cpuProbe.database),
      ceiling.operations ?? ceiling.requests,
    );
  const loads = [ceiling];
  const requestsPerOperation = operation?.requestsPerOperation ?? 1;
  const seconds = Math.max(1, args.duration / 2);
  for (const share of [0.5, 0.8]) {
    const rate = Math.max(1, Math.round(ceiling.perSecond * share));
    await operation?.beforeFixedRate?.(rate, seconds);
    loads.push(
      await run(
        `${share * 100}% (${rate}/s fixed${requestsPerOperation > 1 ? ` = ${rate * requestsPerOperation} requests/s` : ''})`,
        { ...base, duration: seconds, overallRate: rate * requestsPerOperation },
      ),
    );
  }
  return loads;
}

async function argon2Reference(concurrency: number, durationMs: number): Promise<number> {
  const { child, output } = startNode('bench/argon2-ref.ts', {}, [
    String(concurrency),
    String(durationMs),
  ]);
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`argon2 reference failed:\n${output()}`);
  const line = output().trim().split('\n').pop() ?? '{}';
  return (JSON.parse(line) as { perSecond: number }).perSecond;
}

function userIdOf(i: number): string {
  return `bench${String(i).padStart(7, '0')}`;
}
function passwordOf(i: number): string {
  return `BenchPassword-${i % DISTINCT_HASHES}!`;
}
/** Two-factor accounts have their own user IDs (and the same passwords as `bench<i>`). */
const TWO_FACTOR_PREFIX = 'tfa';
function twoFactorUserIdOf(k: number): string {
  return `${TWO_FACTOR_PREFIX}${String(k).padStart(7, '0')}`;
}

let distinctHashes: Promise<string[]> | undefined;
/** The DISTINCT_HASHES argon2id hashes every seeded credential reuses, made once per run. */
function benchHashes(): Promise<string[]> {
  distinctHashes ??= Promise.all(
    Array.from({ length: DISTINCT_HASHES }, (_, k) => argon2.hash(`BenchPassword-${k}!`, ARGON2)),
  );
  return distinctHashes;
}

/**
 * Accounts `<prefix><i>` for `from` ≤ i < `to`, each with a credential for `BenchPassword-<i mod 8>!`,
 * in one statement (INSERT … SELECT generate_series, the credentials from its RETURNING). With
 * `returnIds`, answers each new account's id and index; else only how many were inserted.
 */
async function insertAccounts(
  client: Client,
  prefix: string,
  from: number,
  to: number,
  returnIds: boolean,
): Promise<{ id: string; i: number }[]> {
  const hashes = await benchHashes();
  const { rows } = await client.query<{ id: string; i: number }>(
    `with account as (
       insert into accounts.account (id, user_id, type, status, email, language, name, name_kana,
         registered_by, registered_at, updated_at)
       select gen_random_uuid(), $1::text || lpad(i::text, 7, '0'), 'individual', 'active',
         $1::text || i || '@example.test', 'en', 'Bench User ' || i, 'ベンチ', 'self', now(), now()
       from generate_series($2::int, $3::int - 1) as i
       returning id, user_id
     ), credential as (
       insert into authentication.credential (account_id, user_id, password_hash, password_changed_at,
         must_change_password)
       select id, user_id, ($4::text[])[1 + (substring(user_id from length($1::text) + 1)::int % $5::int)],
         now(), false
       from account
     )
     ${returnIds ? 'select id, substring(user_id from length($1::text) + 1)::int as i from account' : 'select count(*)::int as i from account'}`,
    [prefix, from, to, hashes, DISTINCT_HASHES],
  );
  return returnIds ? rows : [];
}

/** Password-only accounts `bench<from>` … `bench<to − 1>`, in one transaction. */
async function seed(dbUrl: string, from: number, to: number): Promise<void> {
  await admin(async (client) => {
    await client.query('begin');
    await insertAccounts(client, 'bench', from, to, false);
    await client.query('commit');
  }, dbUrl);
}

/**
 * Two-factor accounts `tfa<from>` … `tfa<to − 1>`, enrolled: each gets its own TOTP secret (made
 * as the service makes them), stored in `two_factor.account` encrypted with the service's key and
 * cipher (AES-256-GCM, the account id as associated data). Answers the plain secrets by index − from.
 */
async function seedTwoFactor(
  dbUrl: string,
  cipher: SecretCipher,
  from: number,
  to: number,
): Promise<string[]> {
  const totp = new Totp();
  return admin(async (client) => {
    await client.query('begin');
    const accounts = await insertAccounts(client, TWO_FACTOR_PREFIX, from, to, true);
    const secrets: string[] = new Array<string>(to - from);
    const ids: string[] = [];
    const sealed: string[] = [];
    for (const { id, i } of accounts) {
      const secret = totp.newSecret();
      secrets[i - from] = secret;
      ids.push(id);
      sealed.push(cipher.encrypt(secret, id));
    }
    await client.query(
      `insert into two_factor.account (account_id, enabled, required_by_group, encrypted_secret,
         enrolled_at, last_used_step, consecutive_failures, updated_at)
       select id, true, false, secret, now(), -1, 0, now()
       from unnest($1::uuid[], $2::text[]) as s(id, secret)`,
      [ids, sealed],
    );
    await client.query('commit');
    await client.query('analyze two_factor.account');
    return secrets;
  }, dbUrl);
}

async function login(base: string, i: number): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: userIdOf(i), password: passwordOf(i) }),
  });
  const body = (await res.json()) as { status?: string; sessionToken?: string };
  if (body.status !== 'authenticated' || !body.sessionToken)
    throw new Error(`login of ${userIdOf(i)} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.sessionToken;
}

const fmt = (n: number | undefined, digits = 1) =>
  n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits);

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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const suffix = randomBytes(4).toString('hex');
  databaseName = `ap_bench_${suffix}`;
  redisPrefix = `bench-${suffix}`;
  await admin((c) => c.query(`create database "${databaseName}"`));
  const dbUrl = databaseUrl(databaseName);

  // The service's boot-time migration run rewrites migrations/.snapshot.json from the live schema
  // (MikroORM `snapshot: true`); put the committed bytes back so a bench run leaves the tree untouched.
  const snapshotPath = join(root, 'migrations/.snapshot.json');
  const snapshot = existsSync(snapshotPath) ? readFileSync(snapshotPath) : null;
  const restoreSnapshot = () => {
    if (snapshot && !readFileSync(snapshotPath).equals(snapshot))
      writeFileSync(snapshotPath, snapshot);
  };
  restoreSnapshots.push(restoreSnapshot);

  // The service's TOTP keyring; the bench encrypts the seeded secrets with the same key.
  const totpKey = randomBytes(32).toString('base64');
  const cipher = new SecretCipher(parseKeyring(totpKey));

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // As a user starts it (`npm start`): the compiled build, not a TypeScript loader.
  process.stdout.write('building the service (nest build)\n');
  const build = spawnSync(join(root, 'node_modules/.bin/nest'), ['build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`nest build failed:\n${build.stdout}${build.stderr}`);
  const server = startNode('dist/src/main.js', {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: dbUrl,
    MIGRATIONS_RUN: 'true',
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    COOKIE_SECURE: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOGIN_RATE_LIMIT_PER_IP: '100000000',
    LOGIN_MAX_CONSECUTIVE_FAILURES: '1000',
    TOTP_ENCRYPTION_KEY: totpKey,
  });
  const barePort = await freePort();
  const bare = startNode('bench/bare-app.ts', { PORT: String(barePort), NODE_ENV: 'production' });
  process.stdout.write(
    `BENCH_RESOURCES ${JSON.stringify({ database: databaseName, redisPrefix, serverPid: server.child.pid, barePid: bare.child.pid })}\n`,
  );

  cpuProbe = server.child.pid
    ? {
        pid: server.child.pid,
        poolSize: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
        database: databaseName,
      }
    : null;
  await waitFor(
    'the service to answer /health',
    async () => (await fetch(`${base}/health`)).status === 200,
    90_000,
    server.output,
  );
  await waitFor(
    'the bare app',
    async () => (await fetch(`http://127.0.0.1:${barePort}/ping`)).status === 200,
    60_000,
    bare.output,
  );

  restoreSnapshot();
  const seedStart = Date.now();
  await seed(dbUrl, 0, args.accounts);
  await admin((c) => c.query('analyze'), dbUrl);
  const seedSeconds = (Date.now() - seedStart) / 1000;
  process.stdout.write(
    `seeded ${args.accounts} accounts in ${seedSeconds.toFixed(1)} s (${DISTINCT_HASHES} distinct argon2id hashes reused)\n`,
  );

  const rows: Row[] = [];

  // (1) password logins/s vs raw argon2.verify/s at the same concurrency.
  let passwordCeiling: number;
  let argon2PerSecond: number;
  {
    const loads = await loadProfile(passwordLogins(base, args.accounts), args);
    const reference = await argon2Reference(args.connections, args.duration * 1000);
    passwordCeiling = loads[0].perSecond;
    argon2PerSecond = reference;
    const value = loads[0].perSecond;
    rows.push({
      figure: 'password logins/s (random seeded accounts)',
      measured: true,
      value,
      unit: '/s',
      reference,
      referenceName: 'raw argon2.verify/s, child process, no HTTP',
      ratio: value / reference,
      target: '≥ 0.90',
      reached: value / reference >= 0.9,
      loads,
      errors: loads.reduce((s, l) => s + l.errors, 0),
      serverPeakRssMiB: peakRssMiB(server.child.pid),
    });
  }

  // (1b) two-factor logins/s (password + TOTP), against the same argon2 reference.
  rows.push(
    await twoFactorScenario(args, base, dbUrl, cipher, {
      passwordCeiling,
      argon2PerSecond,
      serverPid: server.child.pid,
    }),
  );

  // (2) authenticated GET /me vs a bare NestJS endpoint, same concurrency.
  {
    const tokens = await Promise.all(
      Array.from({ length: Math.min(args.connections * 2, args.accounts) }, (_, i) =>
        login(base, i),
      ),
    );
    const loads = await loadProfile(
      {
        url: `${base}/api/v1/me`,
        requests: [
          {
            method: 'GET',
            path: '/api/v1/me',
            setupRequest: (req) => ({
              ...req,
              headers: {
                ...req.headers,
                authorization: `Bearer ${tokens[Math.floor(Math.random() * tokens.length)]}`,
              },
            }),
          },
        ],
      },
      args,
    );
    const ref = await autocannon({
      url: `http://127.0.0.1:${barePort}/ping`,
      connections: args.connections,
      duration: args.duration,
      latencyPercentiles: [50, 95, 99],
    });
    const refLoad = toLoad('reference closed loop', ref);
    const value = loads[0].perSecond;
    rows.push({
      figure: 'authenticated GET /me requests/s',
      measured: true,
      value,
      unit: '/s',
      reference: refLoad.perSecond,
      referenceName: 'bare NestJS endpoint, no database',
      ratio: value / refLoad.perSecond,
      target: '≥ 0.50',
      reached: value / refLoad.perSecond >= 0.5,
      loads,
      errors: loads.reduce((s, l) => s + l.errors, 0) + refLoad.errors,
      serverPeakRssMiB: peakRssMiB(server.child.pid),
      note: `reference p50/p95/p99 ${refLoad.p50}/${refLoad.p95}/${refLoad.p99} ms, errors ${refLoad.errors}, bare app peak RSS ${peakRssMiB(bare.child.pid) ?? '–'} MiB.`,
    });
  }

  // (3) audit events/s end to end vs raw Bull add+process/s on the same Redis.
  rows.push(await auditScenario(args, base, dbUrl, server.child.pid));

  // (4) password-login p50 at a fixed rate, base population vs grown to --scale-accounts.
  const scale = await scaleScenario(args, base, dbUrl, passwordCeiling, server.child.pid);
  rows.push(scale.row);

  const facts = {
    date: new Date().toISOString(),
    mode: args.smoke ? 'smoke' : 'full',
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    accounts: args.accounts,
    scaleAccounts: args.scaleAccounts,
    seeding: `${DISTINCT_HASHES} distinct argon2id hashes (m=19456,t=2,p=1) reused round-robin; ${seedSeconds.toFixed(1)} s for ${args.accounts}, ${scale.seedSeconds.toFixed(1)} s to grow to ${args.scaleAccounts} (+ ${scale.maintenanceSeconds.toFixed(1)} s VACUUM ANALYZE + CHECKPOINT)`,
    connections: args.connections,
    durationSeconds: args.duration,
    fixedRateSeconds: Math.max(1, args.duration / 2),
    serverPeakRssMiB: peakRssMiB(server.child.pid),
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
  };

  printTable(rows);
  mkdirSync(args.out, { recursive: true });
  writeFileSync(join(args.out, 'latest.json'), JSON.stringify({ facts, rows }, null, 2) + '\n');
  writeFileSync(join(args.out, 'latest.md'), markdown(rows, facts));
  process.stdout.write(`wrote ${join(args.out, 'latest.json')} and latest.md\n`);
}

/** `POST /auth/login` with a random account among `bench0` … `bench<population − 1>` and its password. */
function passwordLogins(
  base: string,
  population: number,
): Omit<autocannon.Options, 'duration' | 'connections'> {
  return {
    url: `${base}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        setupRequest: (req) => {
          const i = Math.floor(Math.random() * population);
          return { ...req, body: JSON.stringify({ userId: userIdOf(i), password: passwordOf(i) }) };
        },
      },
    ],
  };
}

function parseBody(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Logins of enrolled two-factor accounts: `POST /auth/login` (password → challengeToken), then
 * `POST /auth/login/two-factor` with the TOTP code of that account computed when the request is
 * sent. A TOTP time step is accepted once per account (replay guard), so every login takes the next
 * unused account; enough are seeded for the whole profile, and topped up before each fixed rate.
 */
async function twoFactorScenario(
  args: Args,
  base: string,
  dbUrl: string,
  cipher: SecretCipher,
  earlier: { passwordCeiling: number; argon2PerSecond: number; serverPid: number | undefined },
): Promise<Row> {
  const figure = 'logins/s for two-factor accounts (password + TOTP)';
  const generator = authenticator.clone(TOTP_OPTIONS);
  const secrets: string[] = [];
  let seedSeconds = 0;
  const seedUpTo = async (to: number) => {
    if (to <= secrets.length) return;
    const start = Date.now();
    secrets.push(...(await seedTwoFactor(dbUrl, cipher, secrets.length, to)));
    seedSeconds += (Date.now() - start) / 1000;
  };
  // A two-factor login costs one argon2 verification, as a password login does: expect at most
  // the password ceiling for the closed loop, then 50% and 80% of it; seed half as many again.
  const fixedSeconds = Math.max(1, args.duration / 2);
  const expected = earlier.passwordCeiling * (args.duration + fixedSeconds * (0.5 + 0.8));
  await seedUpTo(Math.max(2000, Math.ceil(expected * 1.5)));

  let next = 0;
  let exhausted = 0;
  const counter: OperationCount = { completed: 0, unexpected: 0 };
  const stepMs: [number[], number[]] = [[], []];
  let recordSteps = true;
  const take = (): number => {
    const k = next++;
    if (k < secrets.length) return k;
    // Never expected (the pool is sized and topped up): reusing an account may hit its replay
    // guard, so it is counted as an error rather than hidden.
    exhausted++;
    counter.unexpected++;
    return k % secrets.length;
  };

  const loads = await loadProfile(
    {
      url: `${base}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          path: '/api/v1/auth/login',
          setupRequest: (req, context) => {
            const k = take();
            context.k = k;
            context.sentAt = performance.now();
            return {
              ...req,
              body: JSON.stringify({ userId: twoFactorUserIdOf(k), password: passwordOf(k) }),
            };
          },
          onResponse: (status, body, context) => {
            if (recordSteps) stepMs[0].push(performance.now() - Number(context.sentAt));
            if (status !== 200) return; // counted by autocannon as non-2xx
            const answer = parseBody(body);
            if (
              answer.status === 'two_factor_required' &&
              typeof answer.challengeToken === 'string'
            )
              context.challengeToken = answer.challengeToken;
            else counter.unexpected++;
          },
        },
        {
          method: 'POST',
          path: '/api/v1/auth/login/two-factor',
          // No challenge (the first step failed): skip back to the first request, next account.
          setupRequest: (req, context) => {
            if (typeof context.challengeToken !== 'string') return null;
            context.sentAt = performance.now();
            return {
              ...req,
              body: JSON.stringify({
                challengeToken: context.challengeToken,
                code: generator.generate(secrets[Number(context.k)]),
              }),
            };
          },
          onResponse: (status, body, context) => {
            if (recordSteps) stepMs[1].push(performance.now() - Number(context.sentAt));
            if (status !== 200) return;
            const answer = parseBody(body);
            if (answer.status === 'authenticated' && typeof answer.sessionToken === 'string')
              counter.completed++;
            else counter.unexpected++;
          },
        },
      ],
    },
    args,
    {
      requestsPerOperation: 2,
      counter,
      beforeFixedRate: async (perSecond, seconds) => {
        recordSteps = false;
        await seedUpTo(next + Math.ceil(perSecond * seconds * 1.5) + args.connections * 2);
      },
    },
  );
  const value = loads[0].perSecond;
  const ratio = value / earlier.argon2PerSecond;
  return {
    figure,
    measured: true,
    value,
    unit: 'logins/s',
    reference: earlier.argon2PerSecond,
    referenceName: 'raw argon2.verify/s of the password row, same run',
    ratio,
    target: '≥ 0.85',
    reached: ratio >= 0.85,
    loads,
    errors: loads.reduce((s, l) => s + l.errors, 0),
    serverPeakRssMiB: peakRssMiB(earlier.serverPid),
    note:
      `a login is POST /auth/login (password → challengeToken) then POST /auth/login/two-factor (TOTP code computed at send time); ` +
      `logins/s counts completed second steps (status authenticated) per second; the fixed rates are logins/s, sent as twice as many requests/s; ` +
      `p50/p95/p99 are per request (both steps mixed), as autocannon measures them. Closed loop per step p50: password step ${fmt(median(stepMs[0]), 0)} ms, ` +
      `code step ${fmt(median(stepMs[1]), 0)} ms. ${secrets.length} enrolled accounts seeded in ${seedSeconds.toFixed(1)} s ` +
      `(own TOTP secret each, AES-256-GCM with the service's key), ${next} used, each once` +
      `${exhausted ? `; POOL EXHAUSTED ${exhausted} times (counted as errors)` : ''}.`,
  };
}

/**
 * Login latency against the population size: the same fixed arrival rate (50% of the password-login
 * ceiling of this run) for `duration` s with the base accounts, then again after growing the
 * tables to `--scale-accounts` (random accounts over the whole population each time).
 */
async function scaleScenario(
  args: Args,
  base: string,
  dbUrl: string,
  passwordCeiling: number,
  serverPid: number | undefined,
): Promise<{ row: Row; seedSeconds: number; maintenanceSeconds: number }> {
  const figure = 'login p50 latency, 1,000,000 vs 10,000 accounts';
  const rate = Math.max(1, Math.round(passwordCeiling * 0.5));
  const measure = async (population: number): Promise<Load> =>
    toLoad(
      `${population.toLocaleString('en-US')} accounts, ${rate}/s fixed`,
      await autocannon({
        ...passwordLogins(base, population),
        connections: args.connections,
        latencyPercentiles: [50, 95, 99],
        timeout: 30,
        duration: args.duration,
        overallRate: rate,
      }),
    );

  const small = await measure(args.accounts);
  let start = Date.now();
  await seed(dbUrl, args.accounts, args.scaleAccounts);
  const seedSeconds = (Date.now() - start) / 1000;
  // Fresh statistics, and no autovacuum or checkpoint owed to the bulk insert during the measurement.
  start = Date.now();
  await admin(async (c) => {
    await c.query('vacuum (analyze) accounts.account, authentication.credential');
    await c.query('checkpoint');
  }, dbUrl);
  const maintenanceSeconds = (Date.now() - start) / 1000;
  process.stdout.write(
    `grew to ${args.scaleAccounts} accounts in ${seedSeconds.toFixed(1)} s (+ ${maintenanceSeconds.toFixed(1)} s vacuum analyze, checkpoint)\n`,
  );
  const large = await measure(args.scaleAccounts);

  const ratio = large.p50 / small.p50;
  const loads = [small, large];
  return {
    seedSeconds,
    maintenanceSeconds,
    row: {
      figure,
      measured: true,
      value: large.p50,
      unit: `ms p50 (${args.scaleAccounts.toLocaleString('en-US')} accounts)`,
      reference: small.p50,
      referenceName: `ms p50 with ${args.accounts.toLocaleString('en-US')} accounts`,
      ratio,
      target: '≤ 1.10',
      reached: ratio <= 1.1,
      loads,
      errors: loads.reduce((s, l) => s + l.errors, 0),
      serverPeakRssMiB: peakRssMiB(serverPid),
      note:
        `password logins at ${rate}/s fixed (50% of this run's password-login ceiling) for ${args.duration} s, first with ${args.accounts} accounts, ` +
        `then after growing accounts.account and authentication.credential to ${args.scaleAccounts} (one INSERT … SELECT generate_series transaction, ` +
        `${seedSeconds.toFixed(1)} s, then VACUUM ANALYZE and CHECKPOINT, ${maintenanceSeconds.toFixed(1)} s); random accounts over the whole population each time. ` +
        `Both populations also hold the two-factor row's accounts. The closed-loop column shows the base load; both loads are in the table below.`,
    },
  };
}

async function auditCount(dbUrl: string): Promise<number> {
  return admin(
    async (c) =>
      Number((await c.query('select count(*)::int as n from audit.audit_record')).rows[0].n),
    dbUrl,
  );
}

/** Waits until no audit row has arrived for three outbox poll intervals (earlier scenarios drained). */
async function drainAudit(dbUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let stable = 0;
  while (Date.now() < deadline && stable < 3) {
    const n = await auditCount(dbUrl);
    stable = n === last ? stable + 1 : 0;
    last = n;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function auditScenario(
  args: Args,
  base: string,
  dbUrl: string,
  serverPid: number | undefined,
): Promise<Row> {
  const figure = 'audit events/s end to end (command → outbox → Bull → audit row)';
  const first = args.accounts - args.connections * 2 - 1;
  const tokens = await Promise.all(
    Array.from({ length: args.connections * 2 }, (_, i) => login(base, first + i)),
  );
  await drainAudit(dbUrl, args.smoke ? 20_000 : 120_000);
  let next = 0;
  let counter = 0;
  const since = new Date();
  const loads = await loadProfile(
    {
      url: `${base}/api/v1/me`,
      requests: [
        {
          method: 'PATCH',
          path: '/api/v1/me',
          setupRequest: (req, context) => {
            context.token ??= tokens[next++ % tokens.length];
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${String(context.token)}`,
              },
              body: JSON.stringify({ profile: { name: `Bench ${counter++}` } }),
            };
          },
        },
      ],
    },
    args,
  );
  const peak = peakRssMiB(serverPid);
  const closedLoopEnd = since.getTime() + args.duration * 1000;
  await drainAudit(dbUrl, args.smoke ? 30_000 : 180_000);
  const stats = await admin(
    async (c) =>
      (
        await c.query(
          `select count(*)::int as n,
             extract(epoch from max(recorded_at) - $1::timestamptz) as span,
             percentile_cont(0.5) within group (order by extract(epoch from recorded_at - occurred_at)) * 1000 as p50,
             percentile_cont(0.99) within group (order by extract(epoch from recorded_at - occurred_at)) * 1000 as p99
           from audit.audit_record where occurred_at >= $1 and occurred_at < $2`,
          [since, new Date(closedLoopEnd)],
        )
      ).rows[0] as { n: number; span: string; p50: number; p99: number },
    dbUrl,
  );
  const value = stats.n / Math.max(Number(stats.span), args.duration);
  const ref = await new Promise<number>((resolve, reject) => {
    const { child, output } = startNode('bench/bull-ref.ts', {}, [
      REDIS_URL,
      `${redisPrefix}-ref`,
      String(args.connections),
      String(args.duration * 1000),
    ]);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bull reference failed:\n${output()}`));
      resolve(
        (JSON.parse(output().trim().split('\n').pop() ?? '{}') as { perSecond: number }).perSecond,
      );
    });
  });
  return {
    figure,
    measured: true,
    value,
    unit: 'events/s',
    reference: ref,
    referenceName: 'raw Bull add+process/s, same Redis, child process',
    ratio: value / ref,
    target: '≥ 0.50',
    reached: value / ref >= 0.5,
    loads,
    errors: loads.reduce((s, l) => s + l.errors, 0),
    serverPeakRssMiB: peak,
    note: `driven by PATCH /api/v1/me (ProfileChanged, one audit row per request); ${stats.n} rows from the closed-loop phase recorded within ${Number(stats.span).toFixed(1)} s of its start; occurred-to-recorded lag p50 ${Math.round(stats.p50)} ms, p99 ${Math.round(stats.p99)} ms (occurred_at is stamped when the command records the event, just before its transaction commits, so this is commit-to-row lag plus a fraction of one transaction).`,
  };
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

async function cleanup(): Promise<void> {
  for (const restore of restoreSnapshots) restore();
  for (const child of processes)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await new Promise((r) => setTimeout(r, 300));
  if (databaseName)
    await admin((c) => c.query(`drop database if exists "${databaseName}" with (force)`)).catch(
      (e: unknown) => process.stderr.write(`could not drop ${databaseName}: ${String(e)}\n`),
    );
  if (redisPrefix) {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const keys = await redis.keys(`${redisPrefix}*`);
      if (keys.length) await redis.del(...keys);
    } catch {
      // best effort
    } finally {
      redis.disconnect();
    }
  }
}

process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.once('SIGTERM', () => void cleanup().then(() => process.exit(143)));

main()
  .then(cleanup)
  .then(() => process.exit(0))
  .catch(async (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    await cleanup();
    process.exit(1);
  });

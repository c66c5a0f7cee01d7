/**
 * `npm run timing-report [-- --samples N]`
 *
 * Response-time distributions of the three answers that must not reveal whether an account
 * exists — login with a wrong password, user-ID lookup (lookup-password request) and password
 * re-issue — for a real, an unknown, a withdrawn and a two-factor-locked account, and how each
 * group differs from the real one. A report for people: the enumeration tests
 * (test/e2e/enumeration.e2e-spec.ts) prove equal work by counting, not by time.
 *
 * Starts the service as the bench does (built, separate process, its own database and Redis
 * prefix, default argon2id parameters), creates the accounts through the public API, then sends
 * one request at a time, the groups interleaved in a shuffled order so drift hits all alike.
 */
import { randomBytes } from 'node:crypto';
import { authenticator } from 'otplib';
import { TOTP_OPTIONS } from '../src/modules/two-factor/infrastructure/totp';
import { admin, createRunResources, databaseUrl, runScript } from './resources';
import { startService } from './service';

const GROUPS = ['real', 'unknown', 'withdrawn', 'locked'] as const;
type Group = (typeof GROUPS)[number];

interface Account {
  userId: string;
  password: string;
  email: string;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const anId = (prefix: string) => `${prefix}${randomBytes(6).toString('hex')}`.slice(0, 20);

function anAccount(): Account {
  const userId = anId('t');
  return { userId, password: `Pw${randomBytes(6).toString('hex')}`, email: `${userId}@example.jp` };
}

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function expectStatus(
  what: string,
  answer: Promise<{ status: number; body: Record<string, unknown> }>,
  status: number,
) {
  const { status: got, body } = await answer;
  if (got !== status)
    throw new Error(`${what}: expected ${status}, got ${got} ${JSON.stringify(body)}`);
  return body;
}

const totpAt = (secret: string, step: number) =>
  authenticator
    .clone({ ...TOTP_OPTIONS, epoch: Date.now() + step * TOTP_OPTIONS.step * 1000 })
    .generate(secret);
const totp = (secret: string) => totpAt(secret, 0);

class Accounts {
  constructor(private readonly base: string) {}

  async register(): Promise<Account> {
    const account = anAccount();
    await expectStatus(
      'registration',
      call(this.base, 'POST', '/accounts', {
        type: 'individual',
        ...account,
        profile: { name: '計測 太郎', nameKana: 'ケイソク タロウ' },
      }),
      201,
    );
    return account;
  }

  async session(account: Account): Promise<Record<string, unknown>> {
    return expectStatus(
      `login of ${account.userId}`,
      call(this.base, 'POST', '/auth/login', {
        userId: account.userId,
        password: account.password,
      }),
      200,
    );
  }

  /** Logs in through the enrollment QR step (staff and two-factor users). */
  async enrolledSession(account: Account): Promise<{ token: string; secret: string }> {
    const started = await this.session(account);
    const secret = String(started.secret);
    const done = await expectStatus(
      'enrollment',
      call(this.base, 'POST', '/auth/login/two-factor', {
        challengeToken: started.challengeToken,
        code: totp(secret),
      }),
      200,
    );
    return { token: String(done.sessionToken), secret };
  }

  async anAdministrator(dbUrl: string): Promise<string> {
    const account = await this.register();
    await admin(
      (c) =>
        c.query(
          `insert into "authentication"."staff_role" ("account_id", "role", "granted_at", "granted_by")
           select "id", 'admin', now(), null from "accounts"."account" where "user_id" = $1`,
          [account.userId],
        ),
      dbUrl,
    );
    return (await this.enrolledSession(account)).token;
  }

  async aWithdrawn(adminToken: string): Promise<Account> {
    const account = await this.register();
    const token = String((await this.session(account)).sessionToken);
    await expectStatus(
      'withdrawal request',
      call(this.base, 'POST', '/me/withdrawal', { password: account.password }, token),
      202,
    );
    await expectStatus(
      'withdrawal',
      call(
        this.base,
        'POST',
        `/admin/withdrawals/${account.userId}/complete`,
        undefined,
        adminToken,
      ),
      200,
    );
    return account;
  }

  /** Two-factor on, enrolled, then five wrong codes: locked until support unlocks it. */
  async aLocked(): Promise<Account> {
    const account = await this.register();
    const token = String((await this.session(account)).sessionToken);
    await expectStatus(
      'two-factor on',
      call(
        this.base,
        'PUT',
        '/me/two-factor',
        { enabled: true, password: account.password },
        token,
      ),
      200,
    );
    const { secret } = await this.enrolledSession(account);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const started = await call(this.base, 'POST', '/auth/login', {
        userId: account.userId,
        password: account.password,
      });
      if (started.status === 423) return account;
      const valid = new Set([-1, 0, 1].map((step) => totpAt(secret, step)));
      const wrong = ['000000', '111111', '222222', '333333'].find((code) => !valid.has(code));
      await call(this.base, 'POST', '/auth/login/two-factor', {
        challengeToken: started.body.challengeToken,
        code: wrong,
      });
    }
    throw new Error(`${account.userId} did not lock`);
  }
}

interface Distribution {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
}

function distribution(samples: number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    n: sorted.length,
    p50: at(0.5),
    p90: at(0.9),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

async function timed(send: () => Promise<Response>, expected: number): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await send();
  await response.arrayBuffer();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
  return ms;
}

const post = (base: string, path: string, body: unknown) => () =>
  fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const fmt = (ms: number) => ms.toFixed(1).padStart(7);

async function main(): Promise<void> {
  const samples = option('--samples', 200);
  const warmUp = 10;
  const { database, redisPrefix } = await createRunResources();
  const dbUrl = databaseUrl(database);
  const service = await startService({
    database,
    databaseUrl: dbUrl,
    redisPrefix,
    totpKey: randomBytes(32).toString('base64'),
    env: {
      RECOVERY_LIMIT_PER_IP: '100000000',
      RECOVERY_LIMIT_PER_ADDRESS: '100000000',
      RECOVERY_LIMIT_PER_USER_ID: '100000000',
    },
  });
  const base = service.base;
  const accounts = new Accounts(base);
  process.stdout.write('creating accounts through the API\n');
  const adminToken = await accounts.anAdministrator(dbUrl);
  const perGroup = 5;
  const pool: Record<Group, Account[]> = { real: [], unknown: [], withdrawn: [], locked: [] };
  for (let i = 0; i < perGroup; i += 1) {
    pool.real.push(await accounts.register());
    pool.unknown.push(anAccount());
    pool.withdrawn.push(await accounts.aWithdrawn(adminToken));
    pool.locked.push(await accounts.aLocked());
  }

  const operations: Record<string, (a: Account) => () => Promise<Response>> = {
    'login (wrong password)': (a) =>
      post(base, '/auth/login', { userId: a.userId, password: 'Wrong0password' }),
    'user-ID lookup (lookup-password request)': (a) =>
      post(base, '/recovery/user-id/lookup-password', { email: a.email }),
    'password re-issue': (a) =>
      post(base, '/recovery/password', { userId: a.userId, email: a.email }),
  };
  const expected: Record<string, number> = {
    'login (wrong password)': 401,
    'user-ID lookup (lookup-password request)': 202,
    'password re-issue': 202,
  };

  const lines: string[] = [
    `timing report: ${samples} samples per group and operation (after ${warmUp} warm-up rounds), one request at a time, groups interleaved; ms`,
  ];
  for (const [name, request] of Object.entries(operations)) {
    const times: Record<Group, number[]> = { real: [], unknown: [], withdrawn: [], locked: [] };
    for (let round = 0; round < samples + warmUp; round += 1) {
      for (const group of shuffled(GROUPS)) {
        const account = pool[group][round % perGroup];
        const ms = await timed(request(account), expected[name]);
        if (round >= warmUp) times[group].push(ms);
      }
    }
    const real = distribution(times.real);
    lines.push(
      '',
      `${name}`,
      '  group       n      p50     p90     p99    mean   Δp50 vs real  Δp90 vs real',
    );
    for (const group of GROUPS) {
      const d = distribution(times[group]);
      const delta = (a: number, b: number) =>
        group === 'real'
          ? ''
          : `${(a - b >= 0 ? '+' : '') + (a - b).toFixed(1)} (${(((a - b) / b) * 100).toFixed(1)}%)`;
      lines.push(
        `  ${group.padEnd(9)} ${String(d.n).padStart(4)} ${fmt(d.p50)} ${fmt(d.p90)} ${fmt(d.p99)} ${fmt(d.mean)}   ${delta(d.p50, real.p50).padEnd(14)}${delta(d.p90, real.p90)}`,
      );
    }
    process.stdout.write(`${lines.slice(-6).join('\n')}\n`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
}

runScript('timing report', main);

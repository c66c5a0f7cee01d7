import type { ChildProcess } from 'node:child_process';
import { authenticator } from 'otplib';
import { aRegistrationBody } from '@test/support/builders/accounts';
import { redisPrefix, runId } from '@test/support/environment';
import { freePort } from '@test/support/free-port';
import { exited, startNode, waitForHttpOk } from '@test/support/node-process';
import { createTestDatabase } from '@test/support/test-app';
import { TOTP_OPTIONS } from '../../src/modules/two-factor/infrastructure/totp';

const LOGIN_LIMIT_PER_IP = 4;
const STEP_MS = TOTP_OPTIONS.step * 1000;

type Answer = { status: number; body: Record<string, unknown> };

/** One running instance of the service, reached over HTTP like a load balancer would. */
class Instance {
  constructor(
    readonly name: string,
    readonly base: string,
    readonly child: ChildProcess,
  ) {}

  async call(
    method: string,
    path: string,
    { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
  }

  logIn(userId: string, password: string, ip: string): Promise<Answer> {
    return this.call('POST', '/auth/login', {
      body: { userId, password },
      headers: { 'X-Forwarded-For': ip },
    });
  }

  secondStep(challengeToken: unknown, code: string): Promise<Answer> {
    return this.call('POST', '/auth/login/two-factor', { body: { challengeToken, code } });
  }
}

/** The code an authenticator app shows `offset` time steps from now. */
const codeFor = (secret: string, offset = 0) =>
  authenticator.clone({ ...TOTP_OPTIONS, epoch: Date.now() + offset * STEP_MS }).generate(secret);

let addresses = 0;
/** A client address of its own, so that the per-IP limits of one check never touch another. */
const anIp = () => `198.51.100.${(addresses += 1)}`;

const bearer = (token: unknown) => ({ Authorization: `Bearer ${String(token)}` });

describe('two instances on one PostgreSQL database and one Redis', () => {
  let a: Instance;
  let b: Instance;
  const outputs: Array<() => string> = [];

  beforeAll(async () => {
    const shared = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      MIGRATIONS_RUN: 'false',
      DATABASE_URL: await createTestDatabase(),
      REDIS_KEY_PREFIX: `${redisPrefix(runId())}-multi-instance`,
      LOGIN_RATE_LIMIT_PER_IP: String(LOGIN_LIMIT_PER_IP),
    };
    const start = async (name: string) => {
      const port = await freePort();
      const { child, output } = startNode('src/main.ts', {
        env: { ...shared, PORT: String(port) },
      });
      outputs.push(output);
      const base = `http://127.0.0.1:${port}`;
      await waitForHttpOk(`${base}/health`, {
        what: `instance ${name}`,
        timeoutMs: 90_000,
        output,
      });
      return new Instance(name, base, child);
    };
    [a, b] = await Promise.all([start('A'), start('B')]);
  }, 120_000);

  afterAll(async () => {
    for (const instance of [a, b]) {
      if (!instance || instance.child.exitCode !== null) continue;
      instance.child.kill('SIGTERM');
      await exited(instance.child);
    }
  });

  async function aCustomer(through: Instance) {
    const registration = aRegistrationBody();
    expect((await through.call('POST', '/accounts', { body: registration })).status).toBe(201);
    return { userId: registration.userId, password: registration.password };
  }

  it('keeps a session in one place: opened on A it works on B, and a logout on B ends it on A', async () => {
    const { userId, password } = await aCustomer(a);
    const login = await a.logIn(userId, password, anIp());
    expect(login.status).toBe(200);
    const auth = bearer(login.body.sessionToken);

    expect((await b.call('GET', '/me', { headers: auth })).status).toBe(200);
    expect((await b.call('POST', '/auth/logout', { headers: auth })).status).toBe(204);
    const after = await a.call('GET', '/me', { headers: auth });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses on B during a password cool-down started through A', async () => {
    const { userId, password } = await aCustomer(b);
    for (let i = 0; i < 10; i += 1) {
      expect((await a.logIn(userId, `Wrong${i}0000`, anIp())).status).toBe(401);
    }
    const refused = await b.logIn(userId, password, anIp());
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('counts the per-IP login limit across both instances', async () => {
    const { userId, password } = await aCustomer(a);
    const ip = anIp();
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT_PER_IP; i += 1) {
      statuses.push((await [a, b][i % 2].logIn(userId, password, ip)).status);
    }
    expect(statuses).toEqual(Array(LOGIN_LIMIT_PER_IP).fill(200));
    const over = await a.logIn(userId, password, ip);
    expect(over.status).toBe(429);
    expect((await b.logIn(userId, password, ip)).status).toBe(429);
    expect((await b.logIn(userId, password, anIp())).status).toBe(200);
  });

  /** A customer who switched two-factor on through B and enrolled through A. */
  async function anEnrolledCustomer() {
    const { userId, password } = await aCustomer(a);
    const login = await a.logIn(userId, password, anIp());
    const enabled = await b.call('PUT', '/me/two-factor', {
      body: { enabled: true, password },
      headers: bearer(login.body.sessionToken),
    });
    expect(enabled.status).toBe(200);
    const enrollment = await b.logIn(userId, password, anIp());
    expect(enrollment.body.status).toBe('two_factor_enrollment_required');
    const secret = String(enrollment.body.secret);
    expect((await a.secondStep(enrollment.body.challengeToken, codeFor(secret))).status).toBe(200);
    return { userId, password, secret };
  }

  it('accepts a TOTP code once: accepted by A, the same code is refused by B', async () => {
    const { userId, password, secret } = await anEnrolledCustomer();
    // The next step's code is already in the window, and newer than the one that enrolled.
    const code = codeFor(secret, 1);
    const onA = await a.logIn(userId, password, anIp());
    expect((await a.secondStep(onA.body.challengeToken, code)).status).toBe(200);
    const onB = await b.logIn(userId, password, anIp());
    const replay = await b.secondStep(onB.body.challengeToken, code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('INVALID_TWO_FACTOR_CODE');
  });

  it('locks two-factor after 5 wrong codes in total, alternating between A and B', async () => {
    const { userId, password, secret } = await anEnrolledCustomer();
    const challenge = (await a.logIn(userId, password, anIp())).body.challengeToken;
    const valid = new Set([-1, 0, 1, 2].map((offset) => codeFor(secret, offset)));
    const wrong = ['000000', '111111', '222222', '333333', '444444', '555555'].find(
      (candidate) => !valid.has(candidate),
    ) as string;
    const answers: number[] = [];
    for (let i = 0; i < 5; i += 1)
      answers.push((await [a, b][i % 2].secondStep(challenge, wrong)).status);
    expect(answers).toEqual([401, 401, 401, 401, 423]);
    for (const instance of [a, b]) {
      const locked = await instance.logIn(userId, password, anIp());
      expect(locked.status).toBe(423);
      expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    }
  });
});

import { authenticator } from 'otplib';
import { TOTP_OPTIONS } from '../../src/modules/two-factor/infrastructure/totp';
import { passwordOf, seedTwoFactor, twoFactorUserIdOf } from '../accounts';
import { errorsOf, loadProfile } from '../load';
import type { OperationCount } from '../load';
import { fixedRateSeconds } from '../options';
import { fmt, median } from '../report';
import type { Row } from '../report';
import type { BenchRun } from '../service';
import { loginFlow, referenceCpu } from './password-logins';
import type { Argon2Reference } from './password-logins';

function parseBody(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Logins of enrolled two-factor accounts: `POST /auth/login` (password → challengeToken), then
 * `POST /auth/login/two-factor` with the TOTP code of that account computed when the request is
 * sent. A TOTP time step is accepted once per account (replay guard), so every login takes the next
 * unused account; enough are seeded for the whole profile, and topped up before each fixed rate.
 */
export async function twoFactorLoginsScenario(
  run: BenchRun,
  earlier: { passwordCeiling: number; argon2: Argon2Reference },
): Promise<Row> {
  const { args, base } = run;
  const figure = 'logins/s for two-factor accounts (password + TOTP)';
  const generator = authenticator.clone(TOTP_OPTIONS);
  const secrets: string[] = [];
  let seedSeconds = 0;
  const seedUpTo = async (to: number) => {
    if (to <= secrets.length) return;
    const start = Date.now();
    secrets.push(...(await seedTwoFactor(run.databaseUrl, run.cipher, secrets.length, to)));
    seedSeconds += (Date.now() - start) / 1000;
  };
  // A two-factor login costs one argon2 verification, as a password login does: expect at most
  // the password ceiling for the closed loop, then 50% and 80% of it; seed half as many again.
  const expected = earlier.passwordCeiling * (args.duration + fixedRateSeconds(args) * (0.5 + 0.8));
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
    loginFlow(
      base,
      {
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
          if (answer.status === 'two_factor_required' && typeof answer.challengeToken === 'string')
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
    ),
    run,
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
  const ratio = value / earlier.argon2.perSecond;
  return {
    figure,
    measured: true,
    value,
    unit: 'logins/s',
    reference: earlier.argon2.perSecond,
    referenceName: 'raw argon2.verify/s of the password row, same run',
    ratio,
    target: '≥ 0.75',
    reached: ratio >= 0.75,
    efficiencyTarget: 0.7,
    ...referenceCpu(earlier.argon2),
    loads,
    errors: errorsOf(loads),
    note:
      `a login is POST /auth/login (password → challengeToken) then POST /auth/login/two-factor (TOTP code computed at send time); ` +
      `logins/s counts completed second steps (status authenticated) per second; the fixed rates are logins/s, sent as twice as many requests/s; ` +
      `p50/p95/p99 are per request (both steps mixed), as autocannon measures them. Closed loop per step p50: password step ${fmt(median(stepMs[0]), 0)} ms, ` +
      `code step ${fmt(median(stepMs[1]), 0)} ms. ${secrets.length} enrolled accounts seeded in ${seedSeconds.toFixed(1)} s ` +
      `(own TOTP secret each, AES-256-GCM with the service's key), ${next} used, each once` +
      `${exhausted ? `; POOL EXHAUSTED ${exhausted} times (counted as errors)` : ''}.`,
  };
}

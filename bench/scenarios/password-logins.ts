import type autocannon from 'autocannon';
import { passwordOf, userIdOf } from '../accounts';
import { errorsOf, loadProfile } from '../load';
import type { Requests } from '../load';
import { runReference } from '../resources';
import type { Row } from '../report';
import { peakRssMiB } from '../service';
import type { BenchRun } from '../service';

/** Logins: `POST /auth/login` with the JSON body `first` sets up, then the steps that follow it. */
export function loginFlow(
  base: string,
  first: Omit<autocannon.Request, 'method' | 'path'>,
  ...next: autocannon.Request[]
): Requests {
  return {
    url: `${base}/api/v1/auth/login`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'POST', path: '/api/v1/auth/login', ...first }, ...next],
  };
}

/** `POST /auth/login` with a random account among `bench0` … `bench<population − 1>` and its password. */
export function passwordLogins(base: string, population: number): Requests {
  return loginFlow(base, {
    setupRequest: (req) => {
      const i = Math.floor(Math.random() * population);
      return { ...req, body: JSON.stringify({ userId: userIdOf(i), password: passwordOf(i) }) };
    },
  });
}

/** Raw `argon2.verify`/s in a child process at the same concurrency: no HTTP, no database. */
function argon2Reference(concurrency: number, durationMs: number): Promise<number> {
  return runReference('argon2', 'bench/argon2-ref.ts', [String(concurrency), String(durationMs)]);
}

/**
 * Password logins/s of random seeded accounts against raw argon2.verify/s. Also answers the
 * ceiling and the reference, which the two-factor and population rows build on.
 */
export async function passwordLoginsScenario(
  run: BenchRun,
): Promise<{ row: Row; passwordCeiling: number; argon2PerSecond: number }> {
  const { args } = run;
  const loads = await loadProfile(passwordLogins(run.base, args.accounts), run);
  const reference = await argon2Reference(args.connections, args.duration * 1000);
  const value = loads[0].perSecond;
  return {
    passwordCeiling: value,
    argon2PerSecond: reference,
    row: {
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
      errors: errorsOf(loads),
      serverPeakRssMiB: peakRssMiB(run.serverPid),
    },
  };
}

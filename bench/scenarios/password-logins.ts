import type autocannon from 'autocannon';
import { passwordOf, userIdOf } from '../accounts';
import { errorsOf, loadProfile } from '../load';
import type { Requests } from '../load';
import { runReferenceDetails } from '../resources';
import type { Row } from '../report';
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

/** What `bench/argon2-ref.ts` answers: operations/s and its own CPU per operation. */
export interface Argon2Reference {
  perSecond: number;
  cpuMsPerOperation: number;
  poolCpuMsPerOperation: number | null;
}

/**
 * Raw `argon2.verify`/s (or `argon2.hash`/s) in a child process at the same concurrency: no HTTP,
 * no database.
 */
export function argon2Reference(
  concurrency: number,
  durationMs: number,
  mode: 'verify' | 'hash',
): Promise<Argon2Reference> {
  return runReferenceDetails<Argon2Reference>('argon2', 'bench/argon2-ref.ts', [
    String(concurrency),
    String(durationMs),
    mode,
  ]);
}

/** The reference's own CPU per operation, for the row's CPU table. */
export function referenceCpu(
  reference: Argon2Reference,
): Pick<Row, 'referenceCpuMsPerOperation' | 'referencePoolCpuMsPerOperation'> {
  return {
    referenceCpuMsPerOperation: reference.cpuMsPerOperation,
    referencePoolCpuMsPerOperation: reference.poolCpuMsPerOperation ?? undefined,
  };
}

/**
 * Password logins/s of random seeded accounts against raw argon2.verify/s. Also answers the
 * ceiling and the reference, which the two-factor and population rows build on.
 */
export async function passwordLoginsScenario(
  run: BenchRun,
): Promise<{ row: Row; passwordCeiling: number; argon2: Argon2Reference }> {
  const { args } = run;
  const loads = await loadProfile(passwordLogins(run.base, args.accounts), run);
  const argon2 = await argon2Reference(args.connections, args.duration * 1000, 'verify');
  const reference = argon2.perSecond;
  const value = loads[0].perSecond;
  return {
    passwordCeiling: value,
    argon2,
    row: {
      figure: 'password logins/s (random seeded accounts)',
      measured: true,
      value,
      unit: '/s',
      reference,
      referenceName: 'raw argon2.verify/s, child process, no HTTP',
      ratio: value / reference,
      target: '≥ 0.85',
      reached: value / reference >= 0.85,
      efficiencyTarget: 0.8,
      ...referenceCpu(argon2),
      loads,
      errors: errorsOf(loads),
    },
  };
}

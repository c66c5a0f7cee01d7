import autocannon from 'autocannon';
import { loginMany } from '../accounts';
import { errorsOf, loadProfile, toLoad, withConnections } from '../load';
import type { Row } from '../report';
import { peakRssMiB } from '../service';
import type { BenchRun } from '../service';

const SMOKE_REQUESTS_PER_CONNECTION = 3;

interface AuthenticatedGet {
  path: string;
  figure: string;
  target: string;
  /** The ratio the row must reach; none for a row given for information. */
  targetRatio?: number;
}

/**
 * An authenticated GET with the Bearer tokens of logged-in accounts (the load profile of
 * `load.ts`), against the bare NestJS endpoint at the same concurrency.
 */
async function authenticatedGetScenario(
  run: BenchRun,
  { path, figure, target, targetRatio }: AuthenticatedGet,
): Promise<Row> {
  const { args, base } = run;
  const tokens = await loginMany(base, 0, Math.min(args.connections * 2, args.accounts));
  const loads = await loadProfile(
    {
      url: `${base}${path}`,
      requests: [
        {
          method: 'GET',
          path,
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
    run,
  );
  const ref = toLoad(
    'reference closed loop',
    await autocannon({
      ...withConnections({ url: `http://127.0.0.1:${run.barePort}/ping` }, args),
      ...(args.smoke
        ? { amount: args.connections * SMOKE_REQUESTS_PER_CONNECTION }
        : { duration: args.duration }),
    }),
  );
  const value = loads[0].perSecond;
  const ratio = value / ref.perSecond;
  return {
    figure,
    measured: true,
    value,
    unit: '/s',
    reference: ref.perSecond,
    referenceName: 'bare NestJS endpoint, no database',
    ratio,
    target,
    ...(targetRatio === undefined ? {} : { reached: ratio >= targetRatio }),
    loads,
    errors: errorsOf(loads) + ref.errors,
    note: `reference p50/p95/p99 ${ref.p50}/${ref.p95}/${ref.p99} ms, errors ${ref.errors}, bare app peak RSS ${peakRssMiB(run.barePid) ?? '–'} MiB.`,
  };
}

/** Authenticated `GET /me`: the session lookup and My Page. */
export function authenticatedRequestsScenario(run: BenchRun): Promise<Row> {
  return authenticatedGetScenario(run, {
    path: '/api/v1/me',
    figure: 'authenticated GET /me requests/s',
    target: '≥ 0.40',
    targetRatio: 0.4,
  });
}

/**
 * The cheapest authenticated endpoint through the whole service: `GET /me/two-factor` of accounts
 * without two-factor (the session guard's one statement, one read of the two-factor state).
 */
export function cheapestAuthenticatedScenario(run: BenchRun): Promise<Row> {
  return authenticatedGetScenario(run, {
    path: '/api/v1/me/two-factor',
    figure: 'cheapest authenticated endpoint (GET /me/two-factor) requests/s',
    target: 'information',
  });
}

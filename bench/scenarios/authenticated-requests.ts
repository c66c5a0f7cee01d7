import autocannon from 'autocannon';
import { loginMany } from '../accounts';
import { errorsOf, loadProfile, toLoad } from '../load';
import type { Row } from '../report';
import { peakRssMiB } from '../service';
import type { BenchRun } from '../service';

/** Authenticated `GET /me` with the Bearer tokens of logged-in accounts vs a bare NestJS endpoint. */
export async function authenticatedRequestsScenario(run: BenchRun): Promise<Row> {
  const { args, base } = run;
  const tokens = await loginMany(base, 0, Math.min(args.connections * 2, args.accounts));
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
    run,
  );
  const ref = await autocannon({
    url: `http://127.0.0.1:${run.barePort}/ping`,
    connections: args.connections,
    duration: args.duration,
    latencyPercentiles: [50, 95, 99],
  });
  const refLoad = toLoad('reference closed loop', ref);
  const value = loads[0].perSecond;
  return {
    figure: 'authenticated GET /me requests/s',
    measured: true,
    value,
    unit: '/s',
    reference: refLoad.perSecond,
    referenceName: 'bare NestJS endpoint, no database',
    ratio: value / refLoad.perSecond,
    target: '≥ 0.40',
    reached: value / refLoad.perSecond >= 0.4,
    loads,
    errors: errorsOf(loads) + refLoad.errors,
    note: `reference p50/p95/p99 ${refLoad.p50}/${refLoad.p95}/${refLoad.p99} ms, errors ${refLoad.errors}, bare app peak RSS ${peakRssMiB(run.barePid) ?? '–'} MiB.`,
  };
}

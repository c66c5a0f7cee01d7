import autocannon from 'autocannon';
import { seed } from '../accounts';
import { errorsOf, toLoad, withConnections } from '../load';
import type { Load } from '../load';
import { admin } from '../resources';
import type { Row } from '../report';
import type { BenchRun } from '../service';
import { passwordLogins } from './password-logins';

/**
 * Login latency against the population size: the same fixed arrival rate (50% of the password-login
 * ceiling of this run) for `duration` s with the base accounts, then again after growing the
 * tables to `--scale-accounts` (random accounts over the whole population each time).
 */
export async function populationScenario(
  run: BenchRun,
  passwordCeiling: number,
): Promise<{ row: Row; seedSeconds: number; maintenanceSeconds: number }> {
  const { args, base, databaseUrl } = run;
  const figure = 'login p50 latency, 1,000,000 vs 10,000 accounts';
  const rate = Math.max(1, Math.round(passwordCeiling * 0.5));
  const measure = async (population: number): Promise<Load> =>
    toLoad(
      `${population.toLocaleString('en-US')} accounts, ${rate}/s fixed`,
      await autocannon({
        ...withConnections(passwordLogins(base, population), args),
        duration: args.duration,
        overallRate: rate,
      }),
    );

  const small = await measure(args.accounts);
  let start = Date.now();
  await seed(databaseUrl, args.accounts, args.scaleAccounts);
  const seedSeconds = (Date.now() - start) / 1000;
  // Fresh statistics, and no autovacuum or checkpoint owed to the bulk insert during the measurement.
  start = Date.now();
  await admin(async (c) => {
    await c.query('vacuum (analyze) accounts.account, authentication.credential');
    await c.query('checkpoint');
  }, databaseUrl);
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
      errors: errorsOf(loads),
      note:
        `password logins at ${rate}/s fixed (50% of this run's password-login ceiling) for ${args.duration} s, first with ${args.accounts} accounts, ` +
        `then after growing accounts.account and authentication.credential to ${args.scaleAccounts} (one INSERT … SELECT generate_series transaction, ` +
        `${seedSeconds.toFixed(1)} s, then VACUUM ANALYZE and CHECKPOINT, ${maintenanceSeconds.toFixed(1)} s); random accounts over the whole population each time. ` +
        `Both populations also hold the two-factor row's accounts. The closed-loop column shows the base load; both loads are in the table below.`,
    },
  };
}

/**
 * `npm run bench [-- --smoke] [--accounts N] [--scale-accounts N] [--duration S] [--connections C] [--out DIR] [--only a,b]`
 *
 * Prepares its own database and Redis prefix, starts the service as a user would (a separate
 * process), seeds accounts with real argon2id hashes, and measures each figure side by side with
 * its reference in the same run. Load comes from autocannon in this process. Writes
 * <out>/latest.json and <out>/latest.md (default out: bench/results).
 *
 * One file per row under `scenarios/`; the service and the run's resources in `service.ts` and
 * `resources.ts`, seeded accounts in `accounts.ts`, load profiles in `load.ts`, output in `report.ts`.
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { SecretCipher, parseKeyring } from '../src/modules/two-factor/infrastructure/secret-cipher';
import { DISTINCT_HASHES, seed } from './accounts';
import { fixedRateSeconds, parseArgs, selected } from './options';
import { report } from './report';
import type { Row } from './report';
import { admin, createRunResources, databaseUrl, runScript } from './resources';
import { auditPipelineRows } from './scenarios/audit-pipeline';
import {
  authenticatedRequestsScenario,
  cheapestAuthenticatedScenario,
} from './scenarios/authenticated-requests';
import { layersScenario } from './scenarios/layers';
import { passwordLoginsScenario } from './scenarios/password-logins';
import { populationScenario } from './scenarios/population';
import { registrationsScenario } from './scenarios/registrations';
import { twoFactorLoginsScenario } from './scenarios/two-factor-logins';
import { peakRssMiB, resetPeakRss, rssMiB, serviceNodeOptions, startService } from './service';
import type { BenchRun } from './service';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { database, redisPrefix } = await createRunResources();
  const dbUrl = databaseUrl(database);
  // The service's TOTP keyring; the bench encrypts the seeded secrets with the same key.
  const totpKey = randomBytes(32).toString('base64');
  const service = await startService({ database, databaseUrl: dbUrl, redisPrefix, totpKey });
  const run: BenchRun = {
    ...service,
    args,
    databaseUrl: dbUrl,
    redisPrefix,
    cipher: new SecretCipher(parseKeyring(totpKey)),
  };

  const seedStart = Date.now();
  await seed(dbUrl, 0, args.accounts);
  await admin((c) => c.query('analyze'), dbUrl);
  const seedSeconds = (Date.now() - seedStart) / 1000;
  process.stdout.write(
    `seeded ${args.accounts} accounts in ${seedSeconds.toFixed(1)} s (${DISTINCT_HASHES} distinct argon2id hashes reused)\n`,
  );

  // VmHWM since boot holds the boot, the migrations and the seeding; each row then gets the peak
  // of its own work: reset before the row, read after it.
  const bootPeakRssMiB = peakRssMiB(run.serverPid);
  const peakResetWorks = resetPeakRss(run.serverPid);
  const underOwnPeak = async <T extends { row: Row }>(scenario: () => Promise<T>): Promise<T> => {
    const before = rssMiB(run.serverPid);
    resetPeakRss(run.serverPid);
    const result = await scenario();
    result.row.serverRssBeforeMiB = before;
    result.row.serverPeakRssMiB = peakResetWorks ? peakRssMiB(run.serverPid) : undefined;
    return result;
  };
  const ownPeak = async (scenario: () => Promise<Row>): Promise<Row> =>
    (await underOwnPeak(async () => ({ row: await scenario() }))).row;
  const ownPeaks = async (scenario: () => Promise<Row[]>): Promise<Row[]> => {
    const before = rssMiB(run.serverPid);
    resetPeakRss(run.serverPid);
    const result = await scenario();
    const peak = peakResetWorks ? peakRssMiB(run.serverPid) : undefined;
    return result.map((row) => ({ ...row, serverRssBeforeMiB: before, serverPeakRssMiB: peak }));
  };

  const rows: Row[] = [];
  // (1) password logins/s vs raw argon2.verify/s at the same concurrency. The two-factor and
  // population rows build on its ceiling, so it runs whenever either of them does.
  const needsPassword = ['password', 'two-factor', 'population'] as const;
  const password = needsPassword.some((s) => selected(args, s))
    ? await underOwnPeak(() => passwordLoginsScenario(run))
    : null;
  if (password && selected(args, 'password')) rows.push(password.row);
  // (1b) two-factor logins/s (password + TOTP), against the same argon2 reference.
  if (password && selected(args, 'two-factor'))
    rows.push(await ownPeak(() => twoFactorLoginsScenario(run, password)));
  // (1c) registrations/s (one argon2 hash each) vs raw argon2.hash/s at the same concurrency.
  if (selected(args, 'registrations')) rows.push(await ownPeak(() => registrationsScenario(run)));
  // (2) authenticated GET /me vs a bare NestJS endpoint, same concurrency.
  if (selected(args, 'me')) rows.push(await ownPeak(() => authenticatedRequestsScenario(run)));
  // (2b) the cheapest authenticated endpoint, and what each global layer of the edge costs.
  if (selected(args, 'layers'))
    rows.push(
      await ownPeak(() => cheapestAuthenticatedScenario(run)),
      await ownPeak(() => layersScenario(run)),
    );
  // (3) the audit pipeline (events of PATCH /me, drain of a committed backlog, lag under the
  // password-login ceiling) vs raw Bull add+process/s on the same Redis. The three rows share one
  // Bull reference and one peak: the peak of all three loads.
  if (selected(args, 'audit')) rows.push(...(await ownPeaks(() => auditPipelineRows(run))));
  // (4) password-login p50 at a fixed rate, base population vs grown to --scale-accounts.
  const scale =
    password && selected(args, 'population')
      ? await underOwnPeak(() => populationScenario(run, password.passwordCeiling))
      : null;
  if (scale) rows.push(scale.row);

  report(args.out, rows, {
    date: new Date().toISOString(),
    mode: args.smoke ? 'smoke' : 'full',
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    accounts: args.accounts,
    scaleAccounts: args.scaleAccounts,
    seeding: `${DISTINCT_HASHES} distinct argon2id hashes (m=19456,t=2,p=1) reused round-robin; ${seedSeconds.toFixed(1)} s for ${args.accounts}, ${scale ? `${scale.seedSeconds.toFixed(1)} s to grow to ${args.scaleAccounts} (+ ${scale.maintenanceSeconds.toFixed(1)} s VACUUM ANALYZE + CHECKPOINT)` : 'population row not run'}`,
    connections: args.connections,
    durationSeconds: args.duration,
    fixedRateSeconds: fixedRateSeconds(args),
    serverBootPeakRssMiB: bootPeakRssMiB,
    serverPeakRssPerRow: peakResetWorks
      ? 'VmHWM reset before each row (/proc/<pid>/clear_refs), read after it'
      : 'unavailable: /proc/<pid>/clear_refs could not be written',
    uvThreadpoolSize: process.env.UV_THREADPOOL_SIZE ?? '4 (default)',
    serviceNodeOptions: serviceNodeOptions() || '(none)',
  });
}

runScript('bench', main);

import { randomInt } from 'node:crypto';
import { FUZZ_ENV, formatReport, runCampaign } from '../support/fuzz/campaign';
import globalSetup from '../support/global-setup';
import globalTeardown from '../support/global-teardown';
import { createTestApp } from '../support/test-app';

/**
 * `npm run fuzz -- [--cases N] [--seed S] [--only 'POST /api/v1/auth/login as customer']`: the
 * fuzzer of test/e2e/fuzz-every-operation.e2e-spec.ts as a long campaign, on a database and Redis
 * prefix of its own (made and removed like a test run's). Prints every property, the cases tried
 * and the failures with the command that replays each; exits 1 when any failed.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const casesPerOperation = Number(option('--cases') ?? 500);
  const seed = Number(option('--seed') ?? randomInt(2 ** 31));
  const only = option('--only');
  if (!Number.isInteger(casesPerOperation) || casesPerOperation < 1 || !Number.isInteger(seed))
    throw new Error('--cases and --seed take whole numbers');
  process.stdout.write(
    `fuzz campaign: ${casesPerOperation} cases per operation and role, seed ${seed}\n`,
  );
  await globalSetup();
  try {
    const t = await createTestApp({ env: FUZZ_ENV });
    try {
      const started = Date.now();
      const report = await runCampaign(t, {
        casesPerOperation,
        seed,
        only,
        log: (line) => process.stdout.write(`${line}\n`),
      });
      process.stdout.write(
        `\n${formatReport(report)}\n(${Math.round((Date.now() - started) / 1000)} s)\n`,
      );
      return report.failures.length > 0 ? 1 : 0;
    } finally {
      await t.close();
    }
  } finally {
    await globalTeardown();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);

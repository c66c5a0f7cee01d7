/**
 * Where the test run finds its services, and the names that isolate this run from every other
 * (parallel CI jobs, a developer's second terminal, a crashed earlier run).
 */
export const SERVER_DATABASE_URL =
  process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function runId(): string {
  const id = process.env.TEST_RUN_ID;
  if (!id)
    throw new Error(
      'TEST_RUN_ID is not set: run the tests through jest (npm test), which sets it up',
    );
  return id;
}

export function databaseUrl(database: string): string {
  const url = new URL(SERVER_DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export const templateDatabase = (id: string) => `ap_test_${id}_template`;
export const databasePrefix = (id: string) => `ap_test_${id}_`;
export const redisPrefix = (id: string) => `test-${id}`;

export const SERVICES_HELP =
  'Start them with:\n' +
  '  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
  '  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no\n' +
  'or `docker compose up -d` where Docker runs. Override with TEST_DATABASE_SERVER_URL / TEST_REDIS_URL.';

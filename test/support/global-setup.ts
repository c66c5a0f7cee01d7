import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import {
  SERVER_DATABASE_URL,
  REDIS_URL,
  SERVICES_HELP,
  databaseUrl,
  templateDatabase,
} from './environment';
import { runMigrationsInChildProcess } from './run-migrations';
import { ensureWebBuild } from './web-build';

/**
 * Fails at once when PostgreSQL or Redis is unreachable, then prepares a migrated template database
 * that each test file clones (CREATE DATABASE … TEMPLATE), so files never share data.
 */
export default async function globalSetup(globalConfig?: {
  selectProjects?: string[];
}): Promise<void> {
  // The browser and end-to-end tests serve the built web app: build it once when it is stale.
  const projects = globalConfig?.selectProjects;
  if (!projects || projects.some((p) => p === 'browser' || p === 'e2e')) ensureWebBuild();

  const id = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  process.env.TEST_RUN_ID = id;

  const pg = new Client({ connectionString: SERVER_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${SERVER_DATABASE_URL}: ${(error as Error).message}\n${SERVICES_HELP}`,
    );
  }
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    await pg.end();
    throw new Error(
      `Redis is not reachable at ${REDIS_URL}: ${(error as Error).message}\n${SERVICES_HELP}`,
    );
  } finally {
    redis.disconnect();
  }

  const template = templateDatabase(id);
  await pg.query(`create database "${template}"`);
  await pg.end();

  runMigrationsInChildProcess(databaseUrl(template));
}

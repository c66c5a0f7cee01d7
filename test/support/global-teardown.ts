import Redis from 'ioredis';
import { Client } from 'pg';
import { SERVER_DATABASE_URL, REDIS_URL, databasePrefix, redisPrefix, runId } from './environment';

/** Drops every database and Redis key this run created. */
export default async function globalTeardown(): Promise<void> {
  const id = runId();
  const pg = new Client({ connectionString: SERVER_DATABASE_URL });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${databasePrefix(id)}%`],
    );
    for (const { datname } of rows)
      await pg.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await pg.end();
  }
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix(id)}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

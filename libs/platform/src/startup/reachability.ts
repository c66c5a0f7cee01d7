import { connect } from 'node:net';
import { AppConfig } from '../config/app-config';

const TIMEOUT_MS = 3000;

export interface Unreachable {
  service: 'PostgreSQL' | 'Redis';
  address: string;
  reason: string;
}

/** Where each service is expected and how to start it locally (README, Prerequisites). */
const HOW_TO_START: Record<Unreachable['service'], string> = {
  PostgreSQL: 'docker compose up -d postgres   (or: sudo service postgresql start)',
  Redis: 'docker compose up -d redis   (or: sudo service redis-server start)',
};

/**
 * Before the app is built: can PostgreSQL and Redis be reached at all? A refused connection at
 * start is almost always a service that was not started, and deserves one line saying which and
 * how to start it rather than a stack trace from deep inside a driver.
 */
export async function findUnreachable(config: AppConfig): Promise<Unreachable | null> {
  for (const [service, url, port] of [
    ['PostgreSQL', config.DATABASE_URL, 5432],
    ['Redis', config.REDIS_URL, 6379],
  ] as const) {
    const { hostname, port: given } = new URL(url);
    const host = hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    const address = `${host}:${given || port}`;
    const reason = await tryConnect(host, Number(given || port));
    if (reason) return { service, address, reason };
  }
  return null;
}

export function describeUnreachable({ service, address, reason }: Unreachable): string {
  return `${service} cannot be reached at ${address} (${reason}). Start it with: ${HOW_TO_START[service]}`;
}

function tryConnect(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(TIMEOUT_MS, () => done(`no answer within ${TIMEOUT_MS / 1000} s`));
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}

import { ConnectionException } from '@mikro-orm/core';

/** Socket errors of a connection that could not be opened or was cut. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
 * exception), admin shutdown, crash shutdown, cannot connect now, too many connections.
 */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = /^08[0-9A-Z]{3}$/;

/**
 * Messages without a code: pg's when a connection dies under a query, and knex's pool timeout once
 * MikroORM has converted it to a DriverException (which keeps the message but not the name).
 * knex prefixes the SQL to the message, so these are matched anywhere in it.
 */
const UNREACHABLE_MESSAGES = [
  'Knex: Timeout acquiring a connection',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** Names rather than classes: knex and MikroORM may each be loaded more than once. */
const UNREACHABLE_ERROR_NAMES = new Set(['ConnectionException', 'KnexTimeoutError']);

/**
 * Why `error` means PostgreSQL cannot be reached (down, restarting, refusing connections, or every
 * pooled connection busy past the acquire timeout), or undefined when it is some other failure.
 * Looks through `cause` chains and aggregated errors, since MikroORM, knex and Node each wrap
 * the driver's error their own way.
 */
export function databaseUnreachableReason(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const pending = [error];
  while (pending.length > 0) {
    const candidate = pending.shift();
    if (typeof candidate !== 'object' || candidate === null || seen.has(candidate)) continue;
    seen.add(candidate);
    const { name, code, message, cause, errors } = candidate as {
      name?: unknown;
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const text = typeof message === 'string' ? message : '';
    if (
      candidate instanceof ConnectionException ||
      (typeof name === 'string' && UNREACHABLE_ERROR_NAMES.has(name)) ||
      (typeof code === 'string' &&
        (NETWORK_CODES.has(code) ||
          SERVER_STATES.has(code) ||
          CONNECTION_EXCEPTION_CLASS.test(code))) ||
      UNREACHABLE_MESSAGES.some((known) => text.includes(known))
    ) {
      return [typeof code === 'string' ? code : name, text].filter(Boolean).join(': ');
    }
    pending.push(cause, ...(Array.isArray(errors) ? (errors as unknown[]) : []));
  }
  return undefined;
}

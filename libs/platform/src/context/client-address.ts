import { isIP } from 'node:net';
import type { Request } from 'express';

/** Longest text an address column holds (an IPv6 address with a zone index stays well below it). */
const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address for sessions, events and the audit trail: Express's `req.ip` under
 * TRUST_PROXY when it is an IP address. A trusted proxy may still pass on an `X-Forwarded-For`
 * entry that is none (`unknown`, a host name, 100 digits); the connection's own address is then
 * the best-known client. Stored unchecked, such text outgrew the columns, and the audit consumer
 * could never store those events.
 */
export function clientAddress(req: Pick<Request, 'ip' | 'socket'>): string | undefined {
  const forwarded = req.ip;
  if (forwarded && forwarded.length <= MAX_ADDRESS_LENGTH && isIP(forwarded) !== 0)
    return forwarded;
  return req.socket?.remoteAddress;
}

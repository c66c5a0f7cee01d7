import type { Socket } from 'node:net';
import { clientAddress } from './client-address';

const from = (ip: string | undefined, remoteAddress = '127.0.0.1') =>
  clientAddress({ ip, socket: { remoteAddress } as Socket });

describe('clientAddress', () => {
  it.each(['203.0.113.7', '2001:db8::1', '::ffff:10.0.0.1'])('keeps the address %s', (ip) => {
    expect(from(ip)).toBe(ip);
  });

  it.each(['not-an-ip', '999.1.1.1', '1'.repeat(100), '', 'unknown', '[::1]:80'])(
    'falls back to the connection for %j',
    (ip) => {
      expect(from(ip, '10.1.2.3')).toBe('10.1.2.3');
    },
  );
});

import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a number read out on the telephone is understood. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomCrockford(length: number): string {
  let value = '';
  for (let i = 0; i < length; i += 1) value += CROCKFORD[randomInt(CROCKFORD.length)];
  return value;
}

export const TICKET_NUMBER = /^T-[0-9A-HJKMNP-TV-Z]{10}$/;
export const CERTIFICATE_NUMBER = /^C-[0-9A-HJKMNP-TV-Z]{12}$/;

/** 受講票: `T-` and 10 crypto-random characters (50 bits); unique in the database as well. */
export function newTicketNumber(): string {
  return `T-${randomCrockford(10)}`;
}

/** 修了証: `C-` and 12 crypto-random characters (60 bits), so a number cannot be guessed. */
export function newCertificateNumber(): string {
  return `C-${randomCrockford(12)}`;
}

/** 申込番号 from the application-number sequence: `A-` and 8 digits. */
export function applicationNumber(sequenceValue: number): string {
  return `A-${String(sequenceValue).padStart(8, '0')}`;
}

import { createHash, randomInt } from 'node:crypto';

/** Letters and digits without the look-alikes (0/O, 1/l/I) that users mistype from a mail. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** 12 characters from a 57-letter alphabet: about 70 bits, against at most 5 guesses per issue. */
export const LOOKUP_PASSWORD_LENGTH = 12;

export function generateLookupPassword(random: (max: number) => number = randomInt): string {
  let password = '';
  for (let i = 0; i < LOOKUP_PASSWORD_LENGTH; i += 1) password += ALPHABET[random(ALPHABET.length)];
  return password;
}

/** How an address is matched by the accounts context: trimmed, without regard to case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailHash(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

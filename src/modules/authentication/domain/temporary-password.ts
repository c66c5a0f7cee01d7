import { randomInt } from 'node:crypto';

/** Letters and digits without the look-alikes (0/O, 1/l/I) that users mistype from a mail. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const CLASSES = [/[A-Z]/, /[a-z]/, /[0-9]/];

/**
 * A random temporary password from a CSPRNG (16 characters ≈ 93 bits by default), with at least one
 * upper-case letter, one lower-case letter and one digit so that it reads as a password to users.
 */
export function generateTemporaryPassword(
  length: number,
  random: (max: number) => number = randomInt,
): string {
  for (;;) {
    let candidate = '';
    for (let i = 0; i < length; i += 1) candidate += ALPHABET[random(ALPHABET.length)];
    if (CLASSES.every((pattern) => pattern.test(candidate))) return candidate;
  }
}

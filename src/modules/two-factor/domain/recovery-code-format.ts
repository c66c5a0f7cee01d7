import { randomInt } from 'node:crypto';

/** No 0/o, 1/l/i: codes are read from paper and typed by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;
export const RECOVERY_CODE_COUNT = 10;

/** About 49 bits from the CSPRNG, in the canonical (hashed) form. */
export function generateRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** `abcde-fghij`, as shown to the user. */
export function formatRecoveryCode(canonical: string): string {
  return `${canonical.slice(0, 5)}-${canonical.slice(5)}`;
}

/**
 * The canonical form that is hashed, or null when the input cannot be a recovery code (so a
 * six-digit TOTP code never costs ten argon2 verifications). Case, spaces and hyphens are forgiven.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  if (compact.length !== LENGTH) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
}

export function isTotpCodeShape(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}

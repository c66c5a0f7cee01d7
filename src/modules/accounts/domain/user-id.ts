import { randomInt } from 'node:crypto';
import { USER_ID_RULE, UserIdFullWidthError, UserIdInvalidError } from './accounts.errors';

const FORMAT = /^[A-Za-z0-9]{6,20}$/;
/** Full-width ASCII variants and the ideographic space: what a Japanese IME in full-width mode types. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
/**
 * Assigned IDs are read from a mail or a letter and typed in by hand, and login is case-sensitive:
 * one case only, and no 0/o, 1/l/i look-alikes.
 */
const ASSIGNED_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const ASSIGNED_LENGTH = 10;

/**
 * A user ID exactly as the customer typed it (login compares it case-sensitively). Two IDs that
 * differ only in case identify the same account for uniqueness, hence `uniquenessKey`.
 */
export class UserId {
  private constructor(readonly value: string) {}

  static parse(raw: unknown): UserId {
    const value = typeof raw === 'string' ? raw : '';
    if (FULL_WIDTH.test(value)) throw new UserIdFullWidthError();
    if (!FORMAT.test(value)) {
      const hint =
        value.length < USER_ID_RULE.minLength || value.length > USER_ID_RULE.maxLength
          ? 'length'
          : 'characters';
      throw new UserIdInvalidError({ hint, rule: USER_ID_RULE });
    }
    return new UserId(value);
  }

  /** A random ID in the same 6–20 format, for customers registered by staff or a group administrator. */
  static generate(pick: (max: number) => number = randomInt): UserId {
    let value = '';
    for (let i = 0; i < ASSIGNED_LENGTH; i += 1)
      value += ASSIGNED_ALPHABET[pick(ASSIGNED_ALPHABET.length)];
    return new UserId(value);
  }

  get uniquenessKey(): string {
    return this.value.toLowerCase();
  }

  toString(): string {
    return this.value;
  }
}

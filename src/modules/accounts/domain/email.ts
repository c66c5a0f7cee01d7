import { EmailInvalidError } from './accounts.errors';

export const EMAIL_MAX_LENGTH = 254;

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * An e-mail address as registered, kept as typed (trimmed). ASCII only: the portal's mail
 * provider and the customers' Japanese IMEs make a full-width address a typing mistake, not an
 * internationalised address.
 */
export class Email {
  private constructor(readonly value: string) {}

  static parse(raw: unknown): Email {
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (FULL_WIDTH.test(value)) throw new EmailInvalidError({ hint: 'full_width' });
    if (value.length === 0 || value.length > EMAIL_MAX_LENGTH || !Email.wellFormed(value)) {
      throw new EmailInvalidError({ hint: 'format' });
    }
    return new Email(value);
  }

  private static wellFormed(value: string): boolean {
    const at = value.lastIndexOf('@');
    if (at <= 0) return false;
    const local = value.slice(0, at);
    const labels = value.slice(at + 1).split('.');
    if (
      !LOCAL_PART.test(local) ||
      local.startsWith('.') ||
      local.endsWith('.') ||
      local.includes('..')
    ) {
      return false;
    }
    return (
      labels.length >= 2 &&
      labels.every((label) => DOMAIN_LABEL.test(label)) &&
      /[A-Za-z]/.test(labels.at(-1)!)
    );
  }

  toString(): string {
    return this.value;
  }
}

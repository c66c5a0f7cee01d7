import { PasswordPolicyViolationError } from './authentication.errors';

export type PasswordRule = 'length' | 'charset' | 'equals_user_id' | 'common';

export interface PasswordPolicySettings {
  minLength: number;
  maxLength: number;
}

const HALF_WIDTH_ALPHANUMERIC = /^[A-Za-z0-9]+$/;
/** Full-width ASCII variants and the ideographic space: what a Japanese input method left on produces. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/**
 * The site's published rule (8–64 half-width letters and digits) plus what a serious identity
 * product adds: not the user ID, and not a commonly used password.
 */
export class PasswordPolicy {
  constructor(
    private readonly settings: PasswordPolicySettings,
    private readonly commonPasswords: ReadonlySet<string>,
  ) {}

  get maxLength(): number {
    return this.settings.maxLength;
  }

  /** Throws PASSWORD_POLICY_VIOLATION naming the first rule the candidate breaks. */
  enforce(candidate: string, userId: string): void {
    const violation = this.check(candidate, userId);
    if (violation) throw new PasswordPolicyViolationError(violation);
  }

  check(
    candidate: string,
    userId: string,
  ): ({ rule: PasswordRule } & Record<string, unknown>) | null {
    const { minLength, maxLength } = this.settings;
    if (candidate.length < minLength || candidate.length > maxLength) {
      return { rule: 'length', minLength, maxLength };
    }
    if (!HALF_WIDTH_ALPHANUMERIC.test(candidate)) {
      return FULL_WIDTH.test(candidate)
        ? { rule: 'charset', hint: 'full_width' }
        : { rule: 'charset' };
    }
    if (candidate.toLowerCase() === userId.toLowerCase()) return { rule: 'equals_user_id' };
    if (this.commonPasswords.has(candidate.toLowerCase())) return { rule: 'common' };
    return null;
  }
}

import { ERROR_MESSAGES } from './error-messages';
import type { Language } from '../i18n/i18n';

/**
 * What went wrong, as the API said it: its stable `code`, the field it concerns (when it concerns
 * one) and its `details`. Messages are looked up at render time, so a language switch retranslates
 * an error already on screen. This is the one place that maps codes to fields and messages.
 */
export interface Problem {
  code: string;
  field: string | null;
  details?: Record<string, unknown>;
}

interface ApiErrorBody {
  code?: unknown;
  details?: unknown;
}

/** Codes that always concern one field of the request. */
const FIELD_OF_CODE: Record<string, string> = {
  USER_ID_INVALID: 'userId',
  USER_ID_TAKEN: 'userId',
  PASSWORD_POLICY_VIOLATION: 'password',
  EMAIL_INVALID: 'email',
  INVALID_TWO_FACTOR_CODE: 'code',
  TWO_FACTOR_CODE_REQUIRED: 'code',
  CURRENT_PASSWORD_INCORRECT: 'password',
  CURRENT_PASSWORD_REQUIRED: 'password',
};

/**
 * Every problem an API error body names: one per field listed in `details.fields`
 * (VALIDATION_FAILED, PROFILE_INVALID), else one for the code's field, else one for the form.
 * `rename` maps a request's field names to the form's (e.g. `password` → `newPassword`).
 */
export function problemsOf(body: unknown, rename: Record<string, string> = {}): Problem[] {
  const { code, details } = (body ?? {}) as ApiErrorBody;
  if (typeof code !== 'string') return [{ code: 'INTERNAL_ERROR', field: null }];
  const detail = (details && typeof details === 'object' ? details : undefined) as
    | Record<string, unknown>
    | undefined;
  const named = (field: string) => rename[field] ?? field;
  const fields = detail?.fields;
  if (fields && typeof fields === 'object') {
    const listed = Object.keys(fields);
    if (listed.length > 0)
      return listed.map((field) => ({ code, field: named(field), details: detail }));
  }
  const field = FIELD_OF_CODE[code];
  return [{ code, field: field ? named(field) : null, details: detail }];
}

export function messageOf(problem: Problem, language: Language): string {
  return (ERROR_MESSAGES[problem.code] ?? ERROR_MESSAGES.INTERNAL_ERROR)[language];
}

export function hasFullWidthHint(problem: Problem): boolean {
  return problem.details?.hint === 'full_width';
}

/** Full-width (zenkaku) letters, digits and spaces, as typed in a Japanese input mode. */
export const FULL_WIDTH = /[\u3000\uFF01-\uFF5E]/;

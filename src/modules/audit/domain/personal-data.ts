/** Payload keys that hold a person's contact or identity details (not IDs, types or outcomes). */
const PERSONAL_KEY = /e-?mail|name|kana|phone|company|department|address/i;

export const ERASED = '[erased]';

/**
 * The payload of an audit record with a withdrawn person's details replaced (ADR 0071): what
 * happened, when and to which account ID stays readable; who the person was does not.
 */
export function erasePersonalData(payload: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (
      PERSONAL_KEY.test(key) &&
      value !== null &&
      value !== undefined &&
      typeof value !== 'boolean'
    )
      clean[key] =
        typeof value === 'object' && !Array.isArray(value)
          ? erasePersonalData(value as Record<string, unknown>)
          : ERASED;
    else if (value && typeof value === 'object' && !Array.isArray(value))
      clean[key] = erasePersonalData(value as Record<string, unknown>);
    else clean[key] = value;
  }
  return clean;
}

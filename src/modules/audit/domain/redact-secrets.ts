const SECRET_KEY = /password|secret|token|otp|^code$|recoveryCodes?|hash/i;

/**
 * Events are meant to carry no secrets in their payload; this is the second line of defence so that
 * a careless event can never put a password or code into the audit trail.
 */
export function redactSecrets(payload: Record<string, unknown>): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (SECRET_KEY.test(key) && typeof value === 'string') clean[key] = '[redacted]';
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      clean[key] = redactSecrets(value as Record<string, unknown>);
    } else clean[key] = value;
  }
  return clean;
}

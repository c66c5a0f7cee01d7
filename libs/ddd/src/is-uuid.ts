const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value can be an identifier at all. Guards uuid columns: PostgreSQL rejects a malformed
 * uuid with an error instead of matching nothing, and a caller's malformed ID is an unknown one.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

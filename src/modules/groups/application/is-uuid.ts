const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that cannot be a group ID is an unknown group, not a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The API names profile fields `profile.name`; the forms' fields are plain `name`. */
export const PROFILE_FIELD_NAMES: Record<string, string> = Object.fromEntries(
  ['name', 'nameKana', 'phone', 'companyName', 'department', 'groupName'].map((field) => [
    `profile.${field}`,
    field,
  ]),
);

/** An optional field left empty: `null` clears it on the account. */
export function orNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

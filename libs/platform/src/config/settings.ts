import { plainToInstance, Transform } from 'class-transformer';
import { getMetadataStorage, IsInt, Max, Min, validateSync } from 'class-validator';

export type Variables = Readonly<Record<string, string | undefined>>;

/** A class whose validated properties are environment variables, with their defaults. */
export type SettingsClass<T extends object = object> = new () => T;

export class ConfigError extends Error {}

// Environment variables are strings; anything else passes through for the validators to refuse.
export const toBoolean = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string' || value === '') return value === '' ? undefined : value;
  const lower = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  return value;
};
export const toInt = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string' || value === '') return value === '' ? undefined : value;
  return /^-?\d+$/.test(value) ? Number(value) : value;
};
export const emptyToUndefined = ({ value }: { value: unknown }) =>
  value === '' ? undefined : value;

/** The variables a settings class declares: its properties that carry a validation rule. */
export function variablesOf(settings: SettingsClass): string[] {
  const names = getMetadataStorage()
    .getTargetValidationMetadatas(settings, '', true, false)
    .map((metadata) => metadata.propertyName);
  return [...new Set(names)];
}

/**
 * Reads the variables one settings class declares and validates them; the first problem is
 * reported as a single line naming the variable (never its value, which may be a secret), so that
 * a misconfigured deployment says exactly what to fix.
 */
export function readSettings<T extends object>(settings: SettingsClass<T>, env: Variables): T {
  const input: Record<string, string> = {};
  for (const name of variablesOf(settings)) {
    const value = env[name];
    if (value !== undefined) input[name] = value;
  }
  const instance = plainToInstance(settings, input, { exposeDefaultValues: true });
  const errors = validateSync(instance, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const constraints = first.constraints ?? {};
    // A type problem ("must be an integer") explains more than a range problem about a non-number.
    const key = ['isInt', 'isBoolean', 'isIn', 'matches', 'isString'].find((k) => k in constraints);
    const reason = (key ? constraints[key] : Object.values(constraints)[0]) ?? 'is invalid';
    const rule = reason.startsWith(`${first.property} `)
      ? reason.slice(first.property.length + 1)
      : reason;
    throw new ConfigError(`Invalid configuration: ${first.property} ${rule}`);
  }
  return instance;
}

/**
 * The environment an app instance was configured from: the one source of variables that the
 * platform configuration and every context's settings read, so that a test's overrides reach all
 * of them.
 */
export class Environment {
  readonly variables: Variables;

  constructor(variables: Variables) {
    this.variables = Object.freeze({ ...variables });
  }

  read<T extends object>(settings: SettingsClass<T>): T {
    return readSettings(settings, this.variables);
  }
}

/**
 * A whole-number setting: the variable's text is read as an integer, and refused with a line
 * naming it when it is not one or falls outside `[min, max]`.
 */
export function IntegerSetting(range: { min?: number; max?: number } = {}): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    const decorators: PropertyDecorator[] = [Transform(toInt), IsInt()];
    if (range.min !== undefined) decorators.push(Min(range.min));
    if (range.max !== undefined) decorators.push(Max(range.max));
    for (const decorate of decorators) decorate(target, property);
  };
}

/**
 * The kinds of failure the HTTP layer knows how to answer. Domain code says what went wrong;
 * the single exception filter decides the status code.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'timeout'
  | 'unavailable';

export interface LocalizedMessage {
  ja: string;
  en: string;
}

export interface ErrorDefinition {
  code: string;
  kind: ErrorKind;
  message: LocalizedMessage;
}

const registry = new Map<string, ErrorDefinition>();

/** Every error code the service can answer with, for the OpenAPI document and tests. */
export function registeredErrors(): ErrorDefinition[] {
  return [...registry.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function defineError(definition: ErrorDefinition): ErrorDefinition {
  const existing = registry.get(definition.code);
  if (existing) {
    const same =
      existing.kind === definition.kind &&
      existing.message.ja === definition.message.ja &&
      existing.message.en === definition.message.en;
    // One code, one answer: the catalogue (OpenAPI `x-error-codes`) could show only one of two.
    if (!same) throw new Error(`Error code ${definition.code} is defined twice, differently`);
    return existing;
  }
  registry.set(definition.code, definition);
  return definition;
}

/**
 * A rule of the domain was broken. Subclasses are created with `domainError(...)` so that each
 * code is declared once with its kind and its Japanese and English messages.
 */
export class DomainError extends Error {
  constructor(
    readonly definition: ErrorDefinition,
    readonly details?: Record<string, unknown>,
  ) {
    super(definition.message.en);
    this.name = definition.code;
  }

  get code(): string {
    return this.definition.code;
  }

  get kind(): ErrorKind {
    return this.definition.kind;
  }
}

export type DomainErrorClass = (new (details?: Record<string, unknown>) => DomainError) & {
  readonly code: string;
};

export function domainError(
  code: string,
  kind: ErrorKind,
  message: LocalizedMessage,
): DomainErrorClass {
  const definition = defineError({ code, kind, message });
  return class extends DomainError {
    static readonly code = code;
    constructor(details?: Record<string, unknown>) {
      super(definition, details);
    }
  };
}

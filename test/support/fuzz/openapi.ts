/** The parts of the served OpenAPI document the fuzzer drives: operations, their inputs, the error codes. */

export interface Schema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  $ref?: string;
  maxLength?: number;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** `POST /api/v1/auth/login`: how reports and replays name it. */
  id: string;
  method: string;
  path: string;
  pathParameters: Parameter[];
  queryParameters: Parameter[];
  /** The JSON body's schema with every `$ref` resolved; null when the operation takes no body. */
  body: Schema | null;
  authenticated: boolean;
}

export interface ListedError {
  code: string;
  status: number;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
  'x-error-codes'?: ListedError[];
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(document: unknown): Operation[] {
  const doc = document as Document;
  const schemas = doc.components?.schemas ?? {};
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const parameters = raw.parameters ?? [];
      const bodySchema = raw.requestBody?.content?.['application/json']?.schema;
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((p) => p.in === 'path'),
        queryParameters: parameters.filter((p) => p.in === 'query'),
        body: bodySchema ? resolve(bodySchema, schemas) : null,
        authenticated: (raw.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

export function listedErrors(document: unknown): Map<string, ListedError> {
  const listed = (document as Document)['x-error-codes'] ?? [];
  return new Map(listed.map((e) => [e.code, e]));
}

/** Inlines `$ref` and merges `allOf`, so generators see plain schemas (the DTOs are not recursive). */
function resolve(schema: Schema, schemas: Record<string, Schema>, depth = 0): Schema {
  if (depth > 10) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1) as string;
    return resolve(schemas[name] ?? {}, schemas, depth + 1);
  }
  if (schema.allOf) {
    const merged = schema.allOf.map((s) => resolve(s, schemas, depth + 1));
    return Object.assign({}, ...merged, { ...schema, allOf: undefined }) as Schema;
  }
  const resolved: Schema = { ...schema };
  if (schema.properties)
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, schemas, depth + 1)]),
    );
  if (schema.items) resolved.items = resolve(schema.items, schemas, depth + 1);
  return resolved;
}

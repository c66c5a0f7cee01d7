import fc from 'fast-check';
import type { Operation, Parameter, Schema } from './openapi';

/**
 * What the fuzzer sends, as data: a case is generated once and rendered against the identities of
 * the moment (they may be re-created between cases), so a replay with the same seed sends the same
 * shapes to the same kinds of targets.
 */

export type KnownKind = 'userId' | 'email' | 'groupId' | 'sessionId' | 'staffRole';

/** A value that exists in the database (a fuzzing identity's user ID, group id, …), by position. */
export class Known {
  constructor(
    readonly kind: KnownKind,
    readonly index: number,
  ) {}
}

export type KnownValues = Record<KnownKind, string[]>;

/** A path or query value: text to percent-encode, bytes already (mis)encoded, or a known value. */
export type Segment = { text: string } | { encoded: string } | Known;

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; hex: string };

export type Authentication =
  | 'role'
  | 'none'
  | 'cookie'
  | 'role-and-garbage-cookie'
  | { header: string; value: string };

export interface FuzzCase {
  path: Record<string, Segment>;
  query: Array<[string, Segment]>;
  body: Body;
  contentType: string | null;
  authentication: Authentication;
  headers: Record<string, string>;
}

const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff'];

/** Strings chosen to break things: widths, controls, NUL, lone surrogates, encodings, sizes. */
const NASTY_TEXT = [
  '',
  ' ',
  '\u3000',
  '   padded   ',
  'ｙａｍａｄａ０１',
  'Ｙａｍａｄａ０１＠ｅｘａｍｐｌｅ．ｊｐ',
  'ﾔﾏﾀﾞ ﾀﾛｳ',
  'やまだ たろう',
  '\u0000',
  'abc\u0000def',
  ...LONE_SURROGATES,
  `x${LONE_SURROGATES[0]}y`,
  '\u0007\u001b[31m\u007f',
  'line\r\nInjected: header',
  '\t',
  '\u202etxt.exe',
  '\u200b\u200d\ufeff',
  '🙂👨‍👩‍👧',
  'e\u0301\u0301\u0301',
  "' or 1=1 --",
  '"; drop table accounts; --',
  '%00',
  '%ff%fe',
  '../../../etc/passwd',
  '__proto__',
  'constructor',
  'toString',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '0',
  '-1',
  '1e309',
  'true',
  'null',
  'NaN',
  'a@b',
  '@example.jp',
  'user@例え.jp',
  'taro@example.jp\u0000',
  'yamada01',
  'YAMADA01',
  'Yamada01 ',
  'abc',
  'a'.repeat(21),
];

const hugeText = fc
  .tuple(
    fc.constantFrom('a', 'Ａ', 'あ', '\u0001', '🙂', '9'),
    fc.integer({ min: 300, max: 40_000 }),
  )
  .map(([unit, n]) => unit.repeat(n));

const insertNasty = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\u0000', ...LONE_SURROGATES, '\u0001', '\u3000', 'Ａ'),
    fc.nat(),
  )
  .map(([base, bad, at]) => {
    const i = base.length === 0 ? 0 : at % base.length;
    return base.slice(0, i) + bad + base.slice(i);
  });

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: insertNasty },
  { weight: 1, arbitrary: hugeText },
);

const scalarOfAnyType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, -0, true, false, null),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  nastyString,
);

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: scalarOfAnyType },
  { weight: 1, arbitrary: fc.array(scalarOfAnyType, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.oneof(nastyString, fc.string()), scalarOfAnyType, {
      maxKeys: 4,
    }),
  },
);

/** Text that is not a plain JSON object: arrays/objects nested past and far past the limit. */
const deeplyNested = fc
  .tuple(fc.boolean(), fc.integer({ min: 20, max: 5000 }))
  .map(([arrays, depth]) =>
    arrays
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`,
  );

/** `arbitrary`'s value in one case out of `oneIn`, otherwise `absent`. */
function sometimes<T, A>(arbitrary: fc.Arbitrary<T>, oneIn: number, absent: A) {
  return fc.oneof({ weight: 1, arbitrary }, { weight: oneIn - 1, arbitrary: fc.constant(absent) });
}

const known = (kind: KnownKind) => fc.nat({ max: 50 }).map((i) => new Known(kind, i));

/** A value that might be right for a string field, so that cases also get past validation. */
function plausibleString(name: string, schema: Schema): fc.Arbitrary<unknown> {
  const options: Array<fc.Arbitrary<unknown>> = [
    fc.stringMatching(/^[A-Za-z0-9]{6,20}$/),
    fc.stringMatching(/^[a-z0-9]{1,12}@example\.jp$/),
  ];
  if (schema.example !== undefined) options.push(fc.constant(schema.example));
  const lower = name.toLowerCase();
  if (lower.includes('userid')) options.push(known('userId'));
  if (lower.includes('email')) options.push(known('email'));
  if (lower === 'code') options.push(fc.stringMatching(/^[0-9]{6}$/));
  if (lower.includes('password'))
    options.push(fc.stringMatching(/^[A-Za-z0-9]{8,64}$/), fc.stringMatching(/^.{65,300}$/));
  return fc.oneof(...options);
}

function plausibleValue(name: string, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if (schema.properties) return objectFor(schema, depth + 1);
  switch (schema.type) {
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'integer':
      return fc.integer({ min: -3, max: 300 });
    case 'array':
      return fc.array(valueFor('item', schema.items ?? {}, depth + 1), { maxLength: 3 });
    case 'object':
      // `phone: null` clears it: nullable fields come out as "object" in the document.
      return fc.oneof(fc.constant(null), plausibleString(name, schema));
    default:
      return plausibleString(name, schema);
  }
}

/** A field's value: usually plausible, often hostile, sometimes of the wrong type entirely. */
function valueFor(name: string, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: plausibleValue(name, schema, depth) },
    { weight: 3, arbitrary: nastyString },
    { weight: 2, arbitrary: anyJson },
  );
}

/** An object of the schema's shape with fields left out, broken, or added. */
function objectFor(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const fields = properties.map(([name, property]) =>
    fc.option(
      valueFor(name, property, depth).map((v) => [name, v] as const),
      { freq: 6, nil: undefined },
    ),
  );
  const extras = fc.array(fc.tuple(fc.oneof(nastyString, fc.string({ maxLength: 8 })), anyJson), {
    maxLength: 2,
  });
  return fc.tuple(fc.tuple(...fields), sometimes(extras, 5, undefined)).map(([present, extra]) => {
    const object: Record<string, unknown> = {};
    for (const field of present) if (field) object[field[0]] = field[1];
    for (const [key, value] of extra ?? [])
      Object.defineProperty(object, key, { value, enumerable: true, writable: true });
    return object;
  });
}

const brokenJson = fc.constantFrom(
  '{',
  '{"userId":',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  '\ufeff{"a":1}',
  '{"a":"\u0000"}',
  '{"a":"\\ud800"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '{"a":1,"a":2}',
  '{"a":1e999999}',
  '[',
  'undefined',
  'NaN',
  ' ',
);

const invalidUtf8 = fc.constantFrom(
  'ff',
  'c0af',
  '7b2261223a22eda080227d', // {"a":"<CESU surrogate>"}
  '7b2261223a22c3'.padEnd(16, '2'),
  'efbbbf7b7d', // BOM + {}
  'fffe7b007d00', // UTF-16 LE {}
);

function bodyFor(operation: Operation): fc.Arbitrary<Body> {
  const json = (value: fc.Arbitrary<unknown>) =>
    value.map((v): Body => ({ kind: 'json', value: v }));
  const other: Array<fc.WeightedArbitrary<Body>> = [
    { weight: 1, arbitrary: json(anyJson) },
    { weight: 1, arbitrary: deeplyNested.map((text): Body => ({ kind: 'text', text })) },
    { weight: 1, arbitrary: brokenJson.map((text): Body => ({ kind: 'text', text })) },
    { weight: 1, arbitrary: invalidUtf8.map((hex): Body => ({ kind: 'bytes', hex })) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 101, max: 300 })
        .map((kb): Body => ({ kind: 'text', text: JSON.stringify({ a: 'x'.repeat(kb * 1024) }) })),
    },
  ];
  if (!operation.body)
    return fc.oneof({ weight: 8, arbitrary: fc.constant<Body>({ kind: 'none' }) }, ...other);
  return fc.oneof(
    { weight: 14, arbitrary: json(objectFor(operation.body)) },
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    ...other,
  );
}

/** Percent sequences that decoders disagree about or refuse. */
const oddEncoding = fc.constantFrom(
  '%',
  '%2',
  '%zz',
  '%00',
  '%ff',
  '%C0%AF',
  '%ED%A0%80',
  '%E3%81',
  '%2F',
  '%2e%2e',
  '..',
  '%EF%BC%A1%EF%BC%A2',
  '%u0041',
  '+',
  '%20',
  '%25',
  'a%0d%0aX-Injected:%201',
  '*',
  '%3F%23',
);

function segmentFor(parameter: Parameter): fc.Arbitrary<Segment> {
  const name = parameter.name.toLowerCase();
  const plausible: Array<fc.Arbitrary<Segment>> = [
    fc.stringMatching(/^[A-Za-z0-9]{6,20}$/).map((text) => ({ text })),
    fc.uuid().map((text) => ({ text })),
  ];
  if (name.includes('userid')) plausible.push(known('userId'));
  if (name === 'id') plausible.push(known('groupId'), known('sessionId'));
  if (name === 'role') plausible.push(known('staffRole'));
  if (parameter.schema?.enum)
    plausible.push(fc.constantFrom(...parameter.schema.enum.map((v) => ({ text: String(v) }))));
  if (parameter.schema?.type === 'number')
    plausible.push(fc.integer({ min: -5, max: 1000 }).map((n) => ({ text: String(n) })));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...plausible) },
    { weight: 3, arbitrary: nastyString.map((text) => ({ text })) },
    { weight: 2, arbitrary: oddEncoding.map((encoded) => ({ encoded })) },
  );
}

function queryFor(operation: Operation): fc.Arbitrary<Array<[string, Segment]>> {
  const declared = operation.queryParameters.map((parameter) =>
    fc.option(
      fc
        .array(segmentFor(parameter), { minLength: 1, maxLength: 2 })
        .chain((values) =>
          fc
            .constantFrom(parameter.name, `${parameter.name}[]`, `${parameter.name}[a]`)
            .map((key) => values.map((v): [string, Segment] => [key, v])),
        ),
      { freq: 4, nil: undefined },
    ),
  );
  const extra = fc.array(
    fc.tuple(
      fc.oneof(fc.constantFrom('__proto__', 'q[a][b]', 'x'), fc.string({ maxLength: 6 })),
      nastyString.map((text): Segment => ({ text })),
    ),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.tuple(...declared), sometimes(extra, 6, undefined))
    .map(([values, more]) => [...values.flatMap((v) => v ?? []), ...(more ?? [])]);
}

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'json',
  '*/*',
];

/** Header values Node lets a client send: printable Latin-1 only. */
const headerText = fc.oneof(
  fc.constantFrom(
    '',
    'ja',
    'en',
    'en-US,en;q=0.9',
    '*',
    'xx-YY',
    'ja;q=abc',
    'ÿþ',
    '\u00e9\u00e8',
    'x'.repeat(2000),
  ),
  fc.stringMatching(/^[ -~]{0,40}$/),
);

const addresses = fc.constantFrom(
  'not-an-ip',
  '999.1.1.1',
  '::ffff:10.0.0.1',
  '10.0.0.1, 10.0.0.2, 10.0.0.3',
  'unknown',
  '1'.repeat(100),
  '',
  '[::1]:80',
);

const extraHeaders = fc
  .record(
    {
      'Accept-Language': headerText,
      'X-Forwarded-For': addresses,
      Origin: fc.constantFrom('http://evil.example', 'null', 'not a url', ''),
      Referer: fc.constantFrom('http://evil.example/x', '::::', ''),
      'User-Agent': headerText,
      'X-Request-Id': headerText,
      Accept: fc.constantFrom('text/html', 'application/xml', '*/*', ''),
    },
    { requiredKeys: [] },
  )
  .map((headers) => headers as Record<string, string>);

const authentication: fc.Arbitrary<Authentication> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Authentication>('role') },
  {
    weight: 3,
    arbitrary: fc.constantFrom<Authentication>('none', 'cookie', 'role-and-garbage-cookie'),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('Authorization', 'Cookie'),
        fc.oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'Bearer  x',
            'Basic dXNlcjpwYXNz',
            'bearer abc',
            'session=',
            'session=%ff%00',
            'session=a; session=b',
            `Bearer ${'A'.repeat(6000)}`,
          ),
          fc.stringMatching(/^[ -~]{0,60}$/).map((s) => `Bearer ${s}`),
        ),
      )
      .map(([header, value]): Authentication => ({ header, value })),
  },
);

/** Every input of one operation at once. */
export function casesFor(operation: Operation): fc.Arbitrary<FuzzCase> {
  const path = fc.record(
    Object.fromEntries(operation.pathParameters.map((p) => [p.name, segmentFor(p)])),
  ) as fc.Arbitrary<Record<string, Segment>>;
  return fc.record({
    path,
    query: queryFor(operation),
    body: bodyFor(operation),
    contentType: fc.oneof(
      { weight: 16, arbitrary: fc.constant<string | null>('application/json') },
      { weight: 1, arbitrary: fc.constant<string | null>(null) },
      { weight: 3, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES) },
    ),
    authentication,
    headers: sometimes(extraHeaders, 4, {}),
  });
}

/** Percent-encodes text; a lone surrogate, which UTF-8 cannot carry, goes out as its WTF-8 bytes. */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

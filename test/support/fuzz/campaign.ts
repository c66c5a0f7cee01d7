import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import type { TestApp } from '../test-app';
import { FuzzIdentities, ROLES } from './identities';
import type { Identity, Role } from './identities';
import { casesFor, Known, percentEncode } from './inputs';
import type { FuzzCase, KnownValues, Segment } from './inputs';
import { quiesce, refusalChanges, snapshot } from './invariants';
import { listedErrors, operationsOf } from './openapi';
import type { ListedError, Operation } from './openapi';
import { sendRaw } from './raw-request';
import type { RawRequest, RawResponse } from './raw-request';

export interface CampaignOptions {
  casesPerOperation: number;
  seed: number;
  /** Only the properties whose name (`POST /api/v1/auth/login as customer`) contains this. */
  only?: string;
  log?: (line: string) => void;
}

export interface Failure {
  property: string;
  /** The seed of this one property: `--seed` of the campaign and `--only` the property replay it. */
  propertySeed: number;
  request: string;
  problems: string[];
}

export interface CampaignReport {
  seed: number;
  casesPerOperation: number;
  properties: number;
  casesTried: number;
  statuses: Record<string, number>;
  identitiesRebuilt: number;
  failures: Failure[];
}

/** The environment that keeps limits out of the way and hashing cheap: cost does not matter here. */
export const FUZZ_ENV: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: '100000000',
  LOGIN_RATE_LIMIT_PER_IP: '100000000',
  LOGIN_MAX_CONSECUTIVE_FAILURES: '1000',
  RECOVERY_LIMIT_PER_IP: '100000000',
  RECOVERY_LIMIT_PER_ADDRESS: '100000000',
  RECOVERY_LIMIT_PER_USER_ID: '100000000',
  USER_ID_AVAILABILITY_LIMIT_PER_MINUTE: '100000000',
  ACCOUNT_PASSWORD_CHECKS_PER_HOUR: '100000000',
  ARGON2_MEMORY_KIB: '1024',
  ARGON2_TIME_COST: '1',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Drives every operation of the served OpenAPI document as every role with generated input, and
 * checks each answer: never 5xx; every 4xx a listed `code` with its listed status and a `message`;
 * a 4xx leaves the guarded tables as they were (see invariants.ts).
 */
export async function runCampaign(t: TestApp, options: CampaignOptions): Promise<CampaignReport> {
  const log = options.log ?? (() => undefined);
  const document: unknown = (await t.http().get('/docs-json').expect(200)).body;
  const operations = operationsOf(document);
  const listed = listedErrors(document);
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const identities = new FuzzIdentities(t);
  await identities.createAll();
  // Events no consumer could take, reported once (by the property whose cases left them).
  const undeliverable = new Set<string>();
  await quiesce(t, undeliverable);
  let known = await identities.known();
  let dirty = false;

  const report: CampaignReport = {
    seed: options.seed,
    casesPerOperation: options.casesPerOperation,
    properties: 0,
    casesTried: 0,
    statuses: {},
    identitiesRebuilt: 0,
    failures: [],
  };

  for (const operation of operations) {
    for (const role of ROLES) {
      const property = `${operation.id} as ${role}`;
      if (options.only && !property.includes(options.only)) continue;
      report.properties += 1;
      const propertySeed = seedOf(options.seed, property);
      let last: { request: RawRequest; problems: string[] } | undefined;
      const result = await fc.check(
        fc.asyncProperty(casesFor(operation), async (fuzzCase) => {
          if (dirty) {
            // A success may have started reactions (a group created, sessions revoked): let them
            // finish before the next snapshot, and replace any identity they spoiled.
            await quiesce(t, undeliverable);
            await identities.heal();
            known = await identities.known();
            dirty = false;
          }
          const request = render(operation, fuzzCase, identities.of(role), known);
          const before = await snapshot(t);
          report.casesTried += 1;
          let response: RawResponse;
          try {
            response = await sendRaw(port, request);
          } catch (error) {
            last = { request, problems: [`no answer: ${(error as Error).message}`] };
            return false;
          }
          report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
          const problems = answerProblems(response, listed);
          if (response.status >= 400 && response.status < 500)
            problems.push(...(await refusalChanges(t, before)));
          else if (!SAFE_METHODS.has(operation.method)) dirty = true;
          last = { request, problems };
          return problems.length === 0;
        }),
        { numRuns: options.casesPerOperation, seed: propertySeed, endOnFailure: true },
      );
      const stuck = await quiesce(t, undeliverable);
      for (const event of stuck) undeliverable.add(event.position);
      const stuckProblems = stuck.map(
        (e) => `event ${e.type} #${e.position} never reached ${e.consumers.join(', ')}`,
      );
      if (result.failed || stuckProblems.length > 0) {
        const failure: Failure = {
          property,
          propertySeed,
          request: describe(last?.request),
          problems: [
            ...(result.failed && !last?.problems.length
              ? [
                  `property error: ${result.errorInstance instanceof Error ? result.errorInstance.message : 'unknown'}`,
                ]
              : []),
            ...(result.failed ? (last?.problems ?? []) : []),
            ...stuckProblems,
          ],
        };
        report.failures.push(failure);
        log(`FAIL ${property}: ${failure.problems.join('; ')}\n  ${failure.request}`);
      } else log(`ok   ${property} (${result.numRuns} cases)`);
    }
  }
  report.identitiesRebuilt = identities.rebuilt;
  return report;
}

export function answerProblems(response: RawResponse, listed: Map<string, ListedError>): string[] {
  if (response.status >= 500)
    return [`answered ${response.status}: ${response.text.slice(0, 300)}`];
  if (response.status < 400) return [];
  let body: { code?: unknown; message?: unknown };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return [
      `answered ${response.status} without a JSON error body: ${response.text.slice(0, 200)}`,
    ];
  }
  const problems: string[] = [];
  const entry = typeof body.code === 'string' ? listed.get(body.code) : undefined;
  if (!entry) problems.push(`code ${JSON.stringify(body.code)} is not listed in x-error-codes`);
  else if (entry.status !== response.status)
    problems.push(`${entry.code} is listed as ${entry.status} but answered ${response.status}`);
  if (typeof body.message !== 'string' || body.message.trim() === '')
    problems.push(`${response.status} ${String(body.code)} without a message`);
  return problems;
}

function render(
  operation: Operation,
  fuzzCase: FuzzCase,
  identity: Identity | undefined,
  known: KnownValues,
): RawRequest {
  const value = (known_: Known) => {
    const values = known[known_.kind];
    return values.length > 0 ? values[known_.index % values.length] : '';
  };
  const segment = (s: Segment) =>
    s instanceof Known
      ? percentEncode(value(s))
      : 'encoded' in s
        ? s.encoded
        : percentEncode(s.text);
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    segment(fuzzCase.path[name] ?? { text: '' }),
  );
  const query = fuzzCase.query.map(([key, v]) => `${percentEncode(key)}=${segment(v)}`).join('&');

  const headers: Record<string, string> = {};
  const token = identity?.sessionToken;
  const auth = fuzzCase.authentication;
  if (token && (auth === 'role' || auth === 'role-and-garbage-cookie'))
    headers.Authorization = `Bearer ${token}`;
  if (token && auth === 'cookie') headers.Cookie = `session=${token}`;
  if (auth === 'role-and-garbage-cookie') headers.Cookie = 'session=garbage; other=%ff';
  if (typeof auth === 'object') headers[auth.header] = auth.value;
  Object.assign(headers, fuzzCase.headers);

  let body: Buffer | undefined;
  const b = fuzzCase.body;
  if (b.kind === 'json')
    body = Buffer.from(
      JSON.stringify(b.value, (_key, v: unknown) => (v instanceof Known ? value(v) : v)) ?? 'null',
    );
  else if (b.kind === 'text') body = Buffer.from(b.text, 'utf8');
  else if (b.kind === 'bytes') body = Buffer.from(b.hex, 'hex');
  if (fuzzCase.contentType !== null && (body || fuzzCase.contentType !== 'application/json'))
    headers['Content-Type'] = fuzzCase.contentType;

  return {
    method: operation.method,
    target: query ? `${path}?${query}` : path,
    headers,
    body,
  };
}

const clip = (text: string, max = 300) =>
  text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;

function describe(request: RawRequest | undefined): string {
  if (!request) return '(no request)';
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([k, v]) => [k, clip(v, 80)]),
  );
  const body = request.body ? clip(request.body.toString('utf8')) : '';
  return `${request.method} ${clip(request.target)} ${JSON.stringify(headers)} ${JSON.stringify(body)}`;
}

/** A 31-bit seed per property (FNV-1a), so one property replays alone with the campaign's seed. */
function seedOf(seed: number, property: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < property.length; i += 1) {
    hash ^= property.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 1;
}

export function formatReport(report: CampaignReport): string {
  const statuses = Object.entries(report.statuses)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  const lines = [
    `fuzz campaign seed ${report.seed}: ${report.properties} properties (operation × role), ` +
      `${report.casesTried} cases tried, ${report.failures.length} failing`,
    `answers: ${statuses}; identities rebuilt after successful changes: ${report.identitiesRebuilt}`,
  ];
  for (const failure of report.failures)
    lines.push(
      `FAIL ${failure.property} — replay: npm run fuzz -- --seed ${report.seed} --cases ${report.casesPerOperation} --only '${failure.property}'`,
      ...failure.problems.map((p) => `  ${p}`),
      `  ${failure.request}`,
    );
  return lines.join('\n');
}

/** A request the fuzzer once found failing, sent as it was found: the regression of its fix. */
export interface RegressionCase {
  name: string;
  role: Role;
  method: string;
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** The answer the fix gives, where any 4xx would not do. */
  answer?: { status: number; code: string };
}

/** Sends each case as its role (the role's session unless the case sets `Authorization`) and checks it as the campaign does. */
export async function replayRegressions(
  t: TestApp,
  cases: RegressionCase[],
): Promise<Array<{ name: string; problems: string[] }>> {
  const document: unknown = (await t.http().get('/docs-json').expect(200)).body;
  const listed = listedErrors(document);
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const identities = new FuzzIdentities(t);
  await identities.createAll();
  const undeliverable = new Set((await quiesce(t, new Set())).map((event) => event.position));
  const failures: Array<{ name: string; problems: string[] }> = [];
  for (const regression of cases) {
    const token = identities.of(regression.role)?.sessionToken;
    const before = await snapshot(t);
    const response = await sendRaw(port, {
      method: regression.method,
      target: regression.target,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...regression.headers },
      body: regression.body === undefined ? undefined : Buffer.from(regression.body),
    });
    const problems = answerProblems(response, listed);
    if (regression.answer) {
      const code = (JSON.parse(response.text || '{}') as { code?: string }).code;
      if (response.status !== regression.answer.status || code !== regression.answer.code)
        problems.push(
          `answered ${response.status} ${code}, not ${JSON.stringify(regression.answer)}`,
        );
    }
    if (response.status >= 400 && response.status < 500)
      problems.push(...(await refusalChanges(t, before)));
    for (const event of await quiesce(t, undeliverable)) {
      undeliverable.add(event.position);
      problems.push(`event ${event.type} never reached ${event.consumers.join(', ')}`);
    }
    if (problems.length > 0) failures.push({ name: regression.name, problems });
    await identities.heal();
  }
  return failures;
}

import { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'supertest';
import type { TestApp } from '../test-app';
import { SecretHasher } from '@app/platform';

/** A host name the tests send as `Host`, so that "this service's own origin" is known in advance. */
export const SERVICE_HOST = 'accounts.test.example';
export const SERVICE_ORIGIN = `http://${SERVICE_HOST}`;

export function logIn(
  t: TestApp,
  userId: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return t.http().post('/api/v1/auth/login').set(headers).send({ userId, password });
}

/** The `session` cookie a response set, as `name=value` for a later `Cookie` header. */
export function sessionCookieOf(response: Response): string {
  return cookieOf(response, 'session');
}

/** The cookie `name` a response set, as `name=value`; `setCookieOf` gives its whole header. */
export function cookieOf(response: Response, name: string): string {
  return setCookieOf(response, name).split(';')[0];
}

export function setCookieOf(response: Response, name: string): string {
  const header = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith(`${name}=`));
  if (!header)
    throw new Error(`no ${name} cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return header;
}

/** Headers of a browser on the service's own pages, authenticated by the cookie. */
export function sameSiteBrowser(cookie: string): Record<string, string> {
  return { Cookie: cookie, Host: SERVICE_HOST, Origin: SERVICE_ORIGIN };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Raw access to the authentication tables (this context's own), e.g. to move a session back in time. */
export function authSql<T = Record<string, unknown>>(
  t: TestApp,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return t.app.get(EntityManager).fork().getConnection().execute<T[]>(sql, params);
}

export async function storedPasswordHash(t: TestApp, accountId: string): Promise<string> {
  const [row] = await authSql<{ password_hash: string }>(
    t,
    'select "password_hash" from "authentication"."credential" where "account_id" = ?',
    [accountId],
  );
  return row.password_hash;
}

/** Counts argon2 verifications per stored hash (the real hasher keeps working). */
export function countVerifications(t: TestApp): { against(hash: string): number; total(): number } {
  const hasher = t.app.get(SecretHasher, { strict: false });
  const spy = jest.spyOn(hasher, 'verify');
  spy.mockClear();
  return {
    against: (hash) => spy.mock.calls.filter(([candidate]) => candidate === hash).length,
    total: () => spy.mock.calls.length,
  };
}

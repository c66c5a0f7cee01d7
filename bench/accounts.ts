import * as argon2 from 'argon2';
import type { Client } from 'pg';
import type { SecretCipher } from '../src/modules/two-factor/infrastructure/secret-cipher';
import { Totp } from '../src/modules/two-factor/infrastructure/totp';
import { admin } from './resources';

/** The service's default argon2id parameters. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const DISTINCT_HASHES = 8;

export function userIdOf(i: number): string {
  return `bench${String(i).padStart(7, '0')}`;
}
export function passwordOf(i: number): string {
  return `BenchPassword-${i % DISTINCT_HASHES}!`;
}
/** Two-factor accounts have their own user IDs (and the same passwords as `bench<i>`). */
const TWO_FACTOR_PREFIX = 'tfa';
export function twoFactorUserIdOf(k: number): string {
  return `${TWO_FACTOR_PREFIX}${String(k).padStart(7, '0')}`;
}

let distinctHashes: Promise<string[]> | undefined;
/** The DISTINCT_HASHES argon2id hashes every seeded credential reuses, made once per run. */
function benchHashes(): Promise<string[]> {
  distinctHashes ??= Promise.all(
    Array.from({ length: DISTINCT_HASHES }, (_, k) => argon2.hash(`BenchPassword-${k}!`, ARGON2)),
  );
  return distinctHashes;
}

/**
 * Accounts `<prefix><i>` for `from` ≤ i < `to`, each with a credential for `BenchPassword-<i mod 8>!`,
 * in one statement (INSERT … SELECT generate_series, the credentials from its RETURNING). With
 * `returnIds`, answers each new account's id and index; else only how many were inserted.
 */
async function insertAccounts(
  client: Client,
  prefix: string,
  from: number,
  to: number,
  returnIds: boolean,
): Promise<{ id: string; i: number }[]> {
  const hashes = await benchHashes();
  const { rows } = await client.query<{ id: string; i: number }>(
    `with account as (
       insert into accounts.account (id, user_id, type, status, email, language, name, name_kana,
         registered_by, registered_at, updated_at)
       select gen_random_uuid(), $1::text || lpad(i::text, 7, '0'), 'individual', 'active',
         $1::text || i || '@example.test', 'en', 'Bench User ' || i, 'ベンチ', 'self', now(), now()
       from generate_series($2::int, $3::int - 1) as i
       returning id, user_id
     ), credential as (
       insert into authentication.credential (account_id, user_id, password_hash, password_changed_at,
         must_change_password)
       select id, user_id, ($4::text[])[1 + (substring(user_id from length($1::text) + 1)::int % $5::int)],
         now(), false
       from account
     )
     ${returnIds ? 'select id, substring(user_id from length($1::text) + 1)::int as i from account' : 'select count(*)::int as i from account'}`,
    [prefix, from, to, hashes, DISTINCT_HASHES],
  );
  return returnIds ? rows : [];
}

/** Password-only accounts `bench<from>` … `bench<to − 1>`, in one transaction. */
export async function seed(dbUrl: string, from: number, to: number): Promise<void> {
  await admin(async (client) => {
    await client.query('begin');
    await insertAccounts(client, 'bench', from, to, false);
    await client.query('commit');
  }, dbUrl);
}

/**
 * Two-factor accounts `tfa<from>` … `tfa<to − 1>`, enrolled: each gets its own TOTP secret (made
 * as the service makes them), stored in `two_factor.account` encrypted with the service's key and
 * cipher (AES-256-GCM, the account id as associated data). Answers the plain secrets by index − from.
 */
export async function seedTwoFactor(
  dbUrl: string,
  cipher: SecretCipher,
  from: number,
  to: number,
): Promise<string[]> {
  const totp = new Totp();
  return admin(async (client) => {
    await client.query('begin');
    const accounts = await insertAccounts(client, TWO_FACTOR_PREFIX, from, to, true);
    const secrets: string[] = new Array<string>(to - from);
    const ids: string[] = [];
    const sealed: string[] = [];
    for (const { id, i } of accounts) {
      const secret = totp.newSecret();
      secrets[i - from] = secret;
      ids.push(id);
      sealed.push(cipher.encrypt(secret, id));
    }
    await client.query(
      `insert into two_factor.account (account_id, enabled, required_by_group, encrypted_secret,
         enrolled_at, last_used_step, consecutive_failures, updated_at)
       select id, true, false, secret, now(), -1, 0, now()
       from unnest($1::uuid[], $2::text[]) as s(id, secret)`,
      [ids, sealed],
    );
    await client.query('commit');
    await client.query('analyze two_factor.account');
    return secrets;
  }, dbUrl);
}

/** Logs `bench<i>` in and answers its session token. */
export async function login(base: string, i: number): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: userIdOf(i), password: passwordOf(i) }),
  });
  const body = (await res.json()) as { status?: string; sessionToken?: string };
  if (body.status !== 'authenticated' || !body.sessionToken)
    throw new Error(`login of ${userIdOf(i)} failed: ${res.status} ${JSON.stringify(body)}`);
  return body.sessionToken;
}

/** Session tokens of `bench<first>` … `bench<first + count − 1>`, logged in in parallel. */
export function loginMany(base: string, first: number, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => login(base, first + i)));
}

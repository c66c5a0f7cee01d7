import { EntityManager } from '@mikro-orm/postgresql';
import { LookupPassword } from '../../../src/modules/recovery/domain/lookup-password.entity';
import { emailHash } from '../../../src/modules/recovery/domain/recovery-secrets';
import type { SmtpCapture } from '../smtp-capture';
import type { TestApp } from '../test-app';
import { waitFor } from '../wait-for';

type Headers = Record<string, string>;

/**
 * A client of its own (the portal forwards the end user's address from a trusted proxy), so that
 * per-client counters and their response headers start afresh.
 */
let clients = 0;
export function fromNewClient(): Headers {
  clients += 1;
  return { 'X-Forwarded-For': `10.${Math.floor(clients / 250) % 250}.0.${(clients % 250) + 1}` };
}

export const LOOKUP_PASSWORD_SUBJECT = /ユーザID照会用パスワード|user ID lookup password/;

export function requestLookupPassword(t: TestApp, email: string, headers: Headers = {}) {
  return t.http().post('/api/v1/recovery/user-id/lookup-password').set(headers).send({ email });
}

export function lookUpUserIds(t: TestApp, email: string, lookupPassword: string) {
  return t.http().post('/api/v1/recovery/user-id').send({ email, lookupPassword });
}

export function requestPasswordReissue(
  t: TestApp,
  userId: string,
  email: string,
  headers: Headers = {},
) {
  return t.http().post('/api/v1/recovery/password').set(headers).send({ userId, email });
}

/** Requests a lookup password and reads it from the next mail that reaches `email`. */
export async function mailedLookupPassword(
  t: TestApp,
  smtp: SmtpCapture,
  email: string,
): Promise<string> {
  const before = lookupMails(smtp, email).length;
  await requestLookupPassword(t, email).expect(202);
  const mail = await waitFor(
    () => lookupMails(smtp, email).length > before && lookupMails(smtp, email).at(-1),
    { what: 'the lookup password mail' },
  );
  const password = /(?:照会用パスワード|Lookup password): ([A-Za-z0-9]+)/.exec(mail.text)?.[1];
  if (!password) throw new Error(`no lookup password in ${mail.text}`);
  return password;
}

export function lookupMails(smtp: SmtpCapture, email: string) {
  return smtp.to(email).filter((m) => LOOKUP_PASSWORD_SUBJECT.test(m.subject));
}

/** Moves the address's lookup password's expiry into the past, through the recovery entity. */
export async function expireLookupPassword(t: TestApp, email: string): Promise<void> {
  const em = t.app.get(EntityManager).fork();
  const lookup = await em.findOneOrFail(LookupPassword, { emailHash: emailHash(email) });
  lookup.expiresAt = new Date(Date.now() - 1000);
  await em.flush();
}

import { randomBytes } from 'node:crypto';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FindAccountForLoginQuery } from '../../../src/modules/accounts/public-api';
import { StartSessionCommand } from '../../../src/modules/authentication/public-api';
import type { SmtpCapture } from '../smtp-capture';
import type { TestApp } from '../test-app';
import { waitFor } from '../wait-for';
import { aPassword, aRegisteredAccount, aUserId } from './accounts';
import type { LoggedInAccount } from './accounts';
import { authSql, bearer, logIn } from './authentication';

export const GROUPS = '/api/v1/groups/mine';

export interface GroupAdministrator extends LoggedInAccount {
  groupId: string;
  groupName: string;
}

/**
 * A group account registered by itself, logged in, once the groups context has created its group
 * (in reaction to the registration event, so after the outbox delivered it).
 */
export async function aGroupWithAdministrator(t: TestApp): Promise<GroupAdministrator> {
  const groupName = `研究会${randomBytes(3).toString('hex')}`;
  const account = await aRegisteredAccount(t)
    .withType('group')
    .withProfile({ name: '佐藤 花子', nameKana: 'サトウ ハナコ', groupName })
    .loggedIn();
  await waitFor(
    async () =>
      (
        await authSql(t, 'select 1 from "groups"."membership" where "account_id" = ?', [
          account.accountId,
        ])
      ).length === 1,
    { what: 'the group created for the registrant' },
  );
  return { ...account, groupId: account.accountId, groupName };
}

export function aMemberBody(overrides: Record<string, unknown> = {}) {
  const userId = aUserId('m');
  return {
    userId,
    email: `${userId}@example.jp`,
    profile: { name: '田中 一郎', nameKana: 'タナカ イチロウ' },
    ...overrides,
  };
}

const temporaryPasswordIn = (text: string) =>
  /(?:仮パスワード|Temporary password): ([A-Za-z0-9]+)/.exec(text)?.[1];

/**
 * A member registered through `POST /groups/mine/members`, who read the mailed temporary password,
 * set an own password at first login and holds a full session.
 */
export async function aMemberOf(
  t: TestApp,
  smtp: SmtpCapture,
  administrator: { auth: { Authorization: string } },
): Promise<LoggedInAccount> {
  const body = aMemberBody();
  await t.http().post(`${GROUPS}/members`).set(administrator.auth).send(body).expect(201);
  const mail = await smtp.waitForMail(
    (m) => m.to.includes(body.email) && temporaryPasswordIn(m.text) !== undefined,
  );
  const temporary = temporaryPasswordIn(mail.text) as string;
  const first = await logIn(t, body.userId, temporary).expect(200);
  const password = aPassword();
  await t
    .http()
    .post('/api/v1/auth/password')
    .set(bearer(first.body.sessionToken as string))
    .send({ currentPassword: temporary, newPassword: password })
    .expect(204);
  const account = await t.app.get(QueryBus).execute(new FindAccountForLoginQuery(body.userId));
  if (!account) throw new Error(`member ${body.userId} was not registered`);
  const { sessionToken } = await t.app
    .get(CommandBus)
    .execute(new StartSessionCommand(account.accountId, { scope: 'full' }));
  return {
    accountId: account.accountId,
    userId: body.userId,
    password,
    email: body.email,
    type: 'group',
    sessionToken,
    auth: bearer(sessionToken),
  };
}

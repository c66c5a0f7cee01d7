import { EntityManager } from '@mikro-orm/postgresql';
import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import { logIn } from '@test/support/builders/authentication';
import { enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

const API = '/api/v1';

const auditRows = (t: TestApp, accountId: string) =>
  t.app
    .get(EntityManager)
    .fork()
    .getConnection()
    .execute<
      { type: string; payload: Record<string, unknown> }[]
    >(`select "type", "payload" from "audit"."audit_record" where "subject_account_id" = ?`, [accountId]);

describe('GET /me/export: download my data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { PERSONAL_DATA_EXPORTS_PER_HOUR: '2' } });
  });

  afterAll(() => t.close());

  it("holds the account's own data, nothing of another account, and no secret; it is audited and rate-limited", async () => {
    const me = await aRegisteredAccount(t).loggedIn();
    const other = await aRegisteredAccount(t).register();
    const staff = await aStaffMember(t, 'support').loggedIn();
    const clock = new TwoFactorTestClock(t);
    const { secret, recoveryCodes } = await enrollTwoFactor(t, clock, me);
    await t.http().post(`${API}/admin/accounts/${me.userId}/renewal`).set(staff.auth).expect(200);
    await logIn(t, other.userId, other.password).expect(200);
    const { sessionToken, auth } = me;
    await waitFor(
      async () =>
        (await auditRows(t, me.accountId)).some((r) => r.type === 'accounts.renewal-requested'),
      { what: "support's renewal request in the account's audit trail" },
    );

    const res = await t.http().get(`${API}/me/export`).set(auth).expect(200);

    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="my-data-.+\.json"$/);
    expect(res.headers['content-type']).toContain('application/json');
    const data = res.body;
    expect(data.account).toMatchObject({
      accountId: me.accountId,
      userId: me.userId,
      email: me.email,
      type: 'individual',
    });
    expect(data.twoFactor).toEqual({
      enabled: true,
      enrolled: true,
      requiredByGroup: false,
      locked: false,
    });
    expect(data.group).toBeNull();
    expect(data.staffRoles).toEqual([]);
    expect(data.sessions).toContainEqual(expect.objectContaining({ current: true, scope: 'full' }));
    const types = data.auditTrail.map((entry: { type: string }) => entry.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'accounts.account-registered',
        'two-factor.enrolled',
        'accounts.renewal-requested',
      ]),
    );
    const reset = data.auditTrail.find(
      (entry: { type: string }) => entry.type === 'accounts.renewal-requested',
    );
    expect(reset).toMatchObject({ actor: 'another_account', clientIp: null });

    const text = res.text;
    for (const foreign of [
      other.accountId,
      other.userId,
      other.email,
      staff.accountId,
      staff.userId,
    ])
      expect(text).not.toContain(foreign);
    for (const secretValue of [secret, sessionToken, me.password, ...recoveryCodes])
      expect(text).not.toContain(secretValue);
    expect(text).not.toMatch(/\$argon2/);

    await waitFor(
      async () =>
        (await auditRows(t, me.accountId)).some((r) => r.type === 'privacy.personal-data-exported'),
      { what: 'the export in the audit trail' },
    );

    await t.http().get(`${API}/me/export`).set(auth).expect(200);
    const refused = await t.http().get(`${API}/me/export`).set(auth).expect(429);
    expect(refused.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('needs a session', async () => {
    await t.http().get(`${API}/me/export`).expect(401);
  });

  it("erases a withdrawn account's e-mail address from its audit records, keeping what happened", async () => {
    const leaver = await aRegisteredAccount(t).loggedIn();
    const staff = await aStaffMember(t, 'support').loggedIn();
    await waitFor(
      async () =>
        (await auditRows(t, leaver.accountId)).some((r) => r.payload.email === leaver.email),
      { what: 'the registration, with its address, in the audit trail' },
    );
    await t
      .http()
      .post(`${API}/me/withdrawal`)
      .set(leaver.auth)
      .send({ password: leaver.password })
      .expect(202);
    await t
      .http()
      .post(`${API}/admin/withdrawals/${leaver.userId}/complete`)
      .set(staff.auth)
      .expect(200);

    await waitFor(
      async () => {
        const rows = await auditRows(t, leaver.accountId);
        return (
          rows.some((r) => r.type === 'accounts.account-withdrawn') &&
          !JSON.stringify(rows).includes(leaver.email)
        );
      },
      { what: "the address to leave the withdrawn account's audit records" },
    );
    const registered = (await auditRows(t, leaver.accountId)).find(
      (r) => r.type === 'accounts.account-registered',
    );
    expect(registered?.payload).toMatchObject({ userId: leaver.userId, email: '[erased]' });
  });
});

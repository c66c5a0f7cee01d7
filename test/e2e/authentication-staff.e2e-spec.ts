import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  GetStaffRolesQuery,
  StartSessionCommand,
} from '../../src/modules/authentication/public-api';
import { aRegisteredAccount, aStaffMember, outboxEvents } from '@test/support/builders/accounts';
import { authSql, bearer, logIn } from '@test/support/builders/authentication';
import { TwoFactorTestClock, aWrongCode, enrollTwoFactor } from '@test/support/builders/two-factor';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

describe('staff roles and the /admin area (real PostgreSQL, Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_PER_IP: '10000' } });
  });

  afterAll(() => t.close());

  const roles = (userId: string, role: string) => `/api/v1/admin/accounts/${userId}/roles/${role}`;

  it('answers 403 FORBIDDEN to a customer session anywhere under /admin, and 401 without a session', async () => {
    const customer = await aRegisteredAccount(t).loggedIn();
    for (const path of [
      '/api/v1/admin/accounts',
      `/api/v1/admin/accounts/${customer.userId}`,
      '/api/v1/admin/withdrawals',
    ]) {
      expect((await t.http().get(path).set(customer.auth).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await t.http().get(path).expect(401)).body.code).toBe('UNAUTHENTICATED');
    }
    await t.http().put(roles(customer.userId, 'admin')).set(customer.auth).expect(403);
    expect(await t.app.get(QueryBus).execute(new GetStaffRolesQuery(customer.accountId))).toEqual(
      [],
    );
  });

  it('lets only an administrator grant and revoke staff roles, and records who did it', async () => {
    const admin = await aStaffMember(t, 'admin').loggedIn();
    const support = await aStaffMember(t, 'support').loggedIn();
    const customer = await aRegisteredAccount(t).loggedIn();

    await t.http().put(roles(customer.userId, 'support')).set(support.auth).expect(403);
    const granted = await t
      .http()
      .put(roles(customer.userId, 'support'))
      .set(admin.auth)
      .expect(200);
    expect(granted.body).toEqual({ userId: customer.userId, roles: ['support'] });
    await t.http().put(roles(customer.userId, 'support')).set(admin.auth).expect(200); // idempotent
    expect(
      await outboxEvents(t, 'authentication.staff-role-granted', customer.accountId),
    ).toHaveLength(1);
    expect(
      (await outboxEvents(t, 'authentication.staff-role-granted', customer.accountId))[0].metadata
        .actorAccountId,
    ).toBe(admin.accountId);

    // Staff log in with two-factor: the session opened as a customer does not carry the new role.
    await t.http().get('/api/v1/auth/sessions').set(customer.auth).expect(401);
    const staffSession = await t.app
      .get(CommandBus)
      .execute(new StartSessionCommand(customer.accountId, { scope: 'full' }));
    await t.http().get('/api/v1/admin/accounts').set(bearer(staffSession.sessionToken)).expect(200);

    const revoked = await t
      .http()
      .delete(roles(customer.userId, 'support'))
      .set(admin.auth)
      .expect(200);
    expect(revoked.body.roles).toEqual([]);
    await t.http().get('/api/v1/admin/accounts').set(bearer(staffSession.sessionToken)).expect(403);
  });

  it('refuses unknown roles and unknown accounts', async () => {
    const admin = await aStaffMember(t, 'admin').loggedIn();
    expect(
      (await t.http().put(roles('nobody0001', 'admin')).set(admin.auth).expect(404)).body.code,
    ).toBe('ACCOUNT_NOT_FOUND');
    expect(
      (await t.http().put(roles(admin.userId, 'superuser')).set(admin.auth).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
  });

  it('never lets the last administrator lose the admin role', async () => {
    await authSql(t, `delete from "authentication"."staff_role" where "role" = 'admin'`);
    const admin = await aStaffMember(t, 'admin').loggedIn();
    const response = await t
      .http()
      .delete(roles(admin.userId, 'admin'))
      .set(admin.auth)
      .expect(409);
    expect(response.body.code).toBe('LAST_ADMIN_ROLE');

    const second = await aStaffMember(t, 'admin').loggedIn();
    // Two administrators revoking each other at once: one of them must stay.
    const results = await Promise.all([
      t.http().delete(roles(second.userId, 'admin')).set(admin.auth),
      t.http().delete(roles(admin.userId, 'admin')).set(second.auth),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const left = await authSql(
      t,
      `select "account_id" from "authentication"."staff_role" where "role" = 'admin'`,
    );
    expect(left).toHaveLength(1);
  });

  it("takes a withdrawn account's roles through the roster, and never withdraws the last administrator", async () => {
    await authSql(t, `delete from "authentication"."staff_role" where "role" = 'admin'`);
    const admin = await aStaffMember(t, 'admin').loggedIn();
    const support = await aStaffMember(t, 'support').loggedIn();
    const rolesOf = (accountId: string) =>
      t.app.get(QueryBus).execute(new GetStaffRolesQuery(accountId));
    const complete = () =>
      t.http().post(`/api/v1/admin/withdrawals/${admin.userId}/complete`).set(support.auth);
    await t
      .http()
      .post('/api/v1/me/withdrawal')
      .set(admin.auth)
      .send({ password: admin.password })
      .expect(202);

    expect((await complete().expect(409)).body.code).toBe('LAST_ADMIN_ROLE');
    expect(await rolesOf(admin.accountId)).toEqual(['admin']);
    const waiting = await t.http().get('/api/v1/admin/withdrawals').set(support.auth).expect(200);
    expect(waiting.body.items.map((item: { userId: string }) => item.userId)).toContain(
      admin.userId,
    );

    const successor = await aStaffMember(t, 'admin').loggedIn();
    await complete().expect(200);
    expect(await rolesOf(admin.accountId)).toEqual([]);
    expect(await rolesOf(successor.accountId)).toEqual(['admin']);
    const revoked = await outboxEvents(t, 'authentication.staff-role-revoked', admin.accountId);
    expect(revoked.map((event) => event.payload)).toEqual([
      { accountId: admin.accountId, role: 'admin', byAccountId: null },
    ]);
  });

  describe('sessions end when the second factor is reset or locked', () => {
    const revoked = (auth: Record<string, string>) =>
      waitFor(async () => (await t.http().get('/api/v1/auth/sessions').set(auth)).status === 401, {
        what: 'the session to be revoked',
      });

    it('after support resets two-factor (device change)', async () => {
      const clock = new TwoFactorTestClock(t);
      const customer = await aRegisteredAccount(t).loggedIn();
      await enrollTwoFactor(t, clock, customer);
      const support = await aStaffMember(t, 'support').loggedIn();
      await t.http().get('/api/v1/auth/sessions').set(customer.auth).expect(200);
      await t
        .http()
        .post(`/api/v1/admin/accounts/${customer.userId}/two-factor/reset`)
        .set(support.auth)
        .expect((r) => expect(r.status).toBeLessThan(300));
      await revoked(customer.auth);
      expect(
        (await outboxEvents(t, 'authentication.sessions-revoked', customer.accountId)).at(-1)
          ?.payload,
      ).toMatchObject({
        reason: 'two_factor_reset',
      });
    });

    it('after wrong codes lock the second factor; a right password then answers 423 ACCOUNT_LOCKED', async () => {
      const clock = new TwoFactorTestClock(t);
      const customer = await aRegisteredAccount(t).loggedIn();
      const { secret } = await enrollTwoFactor(t, clock, customer);
      let locked = false;
      for (let attempt = 0; attempt < 10 && !locked; attempt += 1) {
        const { body } = await logIn(t, customer.userId, customer.password).expect(200);
        expect(body.status).toBe('two_factor_required');
        const response = await t
          .http()
          .post('/api/v1/auth/login/two-factor')
          .send({ challengeToken: body.challengeToken, code: aWrongCode(clock, secret) });
        locked = response.status === 423;
      }
      expect(locked).toBe(true);
      await revoked(customer.auth);
      expect((await logIn(t, customer.userId, customer.password).expect(423)).body.code).toBe(
        'ACCOUNT_LOCKED',
      );
      await logIn(t, customer.userId, 'Wrong12345').expect(401);
    });
  });
});

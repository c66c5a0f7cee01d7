import { QueryBus } from '@nestjs/cqrs';
import { FindAccountForLoginQuery } from '../../src/modules/accounts/public-api';
import { GetStaffRolesQuery } from '../../src/modules/authentication/public-api';
import { accountRows, outboxEvents } from '@test/support/builders/accounts';
import { bearer, logIn } from '@test/support/builders/authentication';
import { TwoFactorTestClock } from '@test/support/builders/two-factor';
import { createTestApp, createTestDatabase } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

describe('the first administrator, created at start from the configuration', () => {
  const env = {
    BOOTSTRAP_ADMIN_USER_ID: 'FirstAdmin01',
    BOOTSTRAP_ADMIN_PASSWORD: 'Bt7kQp2Lx9zR',
    BOOTSTRAP_ADMIN_EMAIL: 'admin@example.jp',
    LOGIN_RATE_LIMIT_PER_IP: '10000',
  };
  const apps: TestApp[] = [];

  // Every app of this file stays open until the end: closing one clears the ORM's shared entity registry.
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  it('is created once, as admin, even when two instances start at the same time; restarts change nothing', async () => {
    const DATABASE_URL = await createTestDatabase();
    apps.push(
      ...(await Promise.all([
        createTestApp({ env: { ...env, DATABASE_URL } }),
        createTestApp({ env: { ...env, DATABASE_URL } }),
      ])),
    );
    const [t] = apps;

    expect(await accountRows(t, 'FirstAdmin01')).toHaveLength(1);
    const admin = await t.app.get(QueryBus).execute(new FindAccountForLoginQuery('FirstAdmin01'));
    expect(await t.app.get(QueryBus).execute(new GetStaffRolesQuery(admin!.accountId))).toEqual([
      'admin',
    ]);
    expect(
      await outboxEvents(t, 'authentication.staff-role-granted', admin!.accountId),
    ).toHaveLength(1);

    apps.push(await createTestApp({ env: { ...env, DATABASE_URL } }));
    expect(await accountRows(t, 'FirstAdmin01')).toHaveLength(1);
    expect(
      await outboxEvents(t, 'authentication.staff-role-granted', admin!.accountId),
    ).toHaveLength(1);
  });

  it('must enrol a second factor and then change the configured password before doing anything else', async () => {
    const t = apps.at(-1)!;
    const clock = new TwoFactorTestClock(t);
    const first = await logIn(t, 'FirstAdmin01', 'Bt7kQp2Lx9zR').expect(200);
    expect(first.body.status).toBe('two_factor_enrollment_required');

    const second = await t
      .http()
      .post('/api/v1/auth/login/two-factor')
      .send({ challengeToken: first.body.challengeToken, code: clock.codeFor(first.body.secret) })
      .expect(200);
    expect(second.body).toMatchObject({
      status: 'password_change_required',
      sessionToken: expect.any(String),
    });
    const restricted = bearer(second.body.sessionToken);
    await t.http().get('/api/v1/admin/accounts').set(restricted).expect(403);

    await t
      .http()
      .post('/api/v1/auth/password')
      .set(restricted)
      .send({ currentPassword: 'Bt7kQp2Lx9zR', newPassword: 'Ad9mQp2Lx7zK' })
      .expect(204);
    await t.http().get('/api/v1/admin/accounts').set(restricted).expect(200);
  });
});

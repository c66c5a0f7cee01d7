import type { Response } from 'supertest';
import { aRegistrationBody } from '@test/support/builders/accounts';
import { bearer, logIn } from '@test/support/builders/authentication';
import { PrivatePostgres } from '@test/support/private-postgres';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';

/**
 * A PostgreSQL outage is the service being unavailable, not an internal error: every request that
 * needs the database answers 503 SERVICE_UNAVAILABLE with Retry-After, and the service serves
 * again by itself once the database is back. The database is a private server on a free port, so
 * stopping it disturbs nobody else.
 */
describe('requests during a PostgreSQL outage', () => {
  const postgres = new PrivatePostgres();
  let t: TestApp | undefined;

  beforeAll(async () => {
    await postgres.start();
    const url = await postgres.createMigratedDatabase('ap_outage_test');
    t = await createTestApp({ env: { DATABASE_URL: url, LOGIN_RATE_LIMIT_PER_IP: '10000' } });
  });

  afterAll(async () => {
    await t?.close();
    await postgres.destroy();
  });

  const app = () => t!;
  const english = { 'Accept-Language': 'en' };
  const register = () =>
    app().http().post('/api/v1/accounts').set(english).send(aRegistrationBody());

  function expectUnavailable(response: Response): void {
    expect({ status: response.status, body: response.body as unknown }).toEqual({
      status: 503,
      body: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily unavailable. Please try again later.',
      },
    });
    expect(response.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  }

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while the database is down, and serves again once it is back', async () => {
    const body = aRegistrationBody();
    await app().http().post('/api/v1/accounts').send(body).expect(201);
    const { sessionToken } = (await logIn(app(), body.userId, body.password).expect(200)).body as {
      sessionToken: string;
    };
    const me = () => app().http().get('/api/v1/me').set(english).set(bearer(sessionToken));
    await me().expect(200);

    await postgres.stop();

    expectUnavailable(await logIn(app(), body.userId, body.password, english));
    expectUnavailable(await register());
    expectUnavailable(await me());
    const health = await app().http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body.details.database.status).toBe('down');
    expect(health.headers['retry-after']).toMatch(/^[1-9]\d*$/);

    await postgres.start();

    await waitFor(async () => (await me()).status === 200, { what: 'GET /me to serve again' });
    await logIn(app(), body.userId, body.password).expect(200);
    await register().expect(201);
    await app().http().get('/health').expect(200);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';
import { waitFor } from '@test/support/wait-for';
import {
  CARELESS_EVENT,
  DISCARDED_EVENT,
  SecondLinesModule,
  WRITTEN_EVENT,
} from '../fixtures/second-lines/second-lines.module';

/**
 * Each defence here is the second one: the first (a role decorator, an event without secrets, a
 * use case that does not fail half-way) is what the product's own code gets right, so no product
 * route can show the second at work. A test-only module makes the mistake on purpose.
 */
describe('second lines of defence (real PostgreSQL and Redis)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [SecondLinesModule] });
  });

  afterAll(() => t?.close());

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
    t.app.get(EntityManager).fork().getConnection().execute<T[]>(query, params);

  describe('an /admin route that forgot its role decorator (staff-area guard)', () => {
    const route = '/api/v1/admin/fixture-without-roles';

    it('is refused to an anonymous caller with 401', async () => {
      const res = await t.http().get(route);
      expect(res.status).toBe(401);
      expect((res.body as { code: string }).code).toBe('UNAUTHENTICATED');
    });

    it('is refused to a customer session with 403', async () => {
      const customer = await aRegisteredAccount(t).loggedIn();
      const res = await t.http().get(route).set(customer.auth);
      expect(res.status).toBe(403);
      expect((res.body as { code: string }).code).toBe('FORBIDDEN');
    });

    it('is still reached by a staff session (the guard refuses customers, not the route)', async () => {
      const staff = await aStaffMember(t, 'support').loggedIn();
      const res = await t.http().get(route).set(staff.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ reached: true });
    });
  });

  describe('an event whose payload carries password-like keys (audit redaction)', () => {
    it('reaches the audit trail through the real outbox with every secret redacted', async () => {
      const marker = randomUUID();
      const secret = `Leak${randomBytes(6).toString('hex')}`;
      const published = await t
        .http()
        .post('/api/v1/second-lines/careless-event')
        .send({ marker, secret });
      expect(published.status).toBe(201);
      const { eventId } = published.body as { eventId: string };

      // The event really carried the secret (the first line of defence failed on purpose).
      const [outbox] = await sql<{ payload: Record<string, unknown> }>(
        'select "payload" from "platform"."outbox_message" where "event_id" = ?',
        [eventId],
      );
      expect(outbox.payload.password).toBe(secret);

      const [record] = await waitFor(
        async () => {
          const rows = await sql<{ type: string; payload: Record<string, unknown> }>(
            'select * from "audit"."audit_record" where "event_id" = ?',
            [eventId],
          );
          return rows.length > 0 && rows;
        },
        { what: 'the audit record of the careless event' },
      );
      expect(record.type).toBe(CARELESS_EVENT);
      expect(record.payload).toEqual({
        marker,
        password: '[redacted]',
        newPassword: '[redacted]',
        resetToken: '[redacted]',
        code: '[redacted]',
        language: 'ja',
      });
      expect(JSON.stringify(record)).not.toContain(secret);
    });
  });

  describe('a use case that writes, publishes and then throws (TransactionRunner)', () => {
    it('leaves neither its rows nor its outbox rows', async () => {
      const marker = randomUUID();
      const res = await t.http().post('/api/v1/second-lines/write-then-fail').send({ marker });
      expect(res.status).toBe(500);

      const rows = await sql('select 1 from "second_lines"."row" where "marker" = ?', [marker]);
      expect(rows).toEqual([]);
      const outbox = await sql(
        `select "type" from "platform"."outbox_message" where "type" in (?, ?) and "payload"->>'marker' = ?`,
        [WRITTEN_EVENT, DISCARDED_EVENT, marker],
      );
      expect(outbox).toEqual([]);
    });
  });
});

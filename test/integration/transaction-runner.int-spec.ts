import { DomainEvent, domainError } from '@app/ddd';
import { EntityManager } from '@mikro-orm/postgresql';
import { OutboxMessage, refuseAfterCommit, RequestContext, TransactionRunner } from '@app/platform';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

const ProbeRefused = domainError('PROBE_REFUSED', 'invalid', { ja: '拒否', en: 'Refused' });

class ProbeAttempted extends DomainEvent<{ step: string }> {
  readonly type = 'probe.attempted';

  constructor(step: string) {
    super(null, { step });
  }
}

/** "Commit this outcome, then throw this error", alone and from a use case nested in another. */
describe('TransactionRunner refusals (real PostgreSQL)', () => {
  let t: TestApp;
  let transactions: TransactionRunner;

  beforeAll(async () => {
    t = await createTestApp();
    transactions = t.app.get(TransactionRunner);
    await t.app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute('create table "public"."probe" ("step" text not null)');
  });

  afterAll(() => t.close());

  const inContext = <T>(fn: () => Promise<T>) => t.app.get(RequestContext).run({}, fn);
  const write = (em: EntityManager, step: string) => {
    transactions.publish(em, new ProbeAttempted(step));
    return em.execute('insert into "public"."probe" ("step") values (?)', [step]);
  };
  const committed = async (step: string) => {
    const em = t.app.get(EntityManager).fork();
    const rows = await em
      .getConnection()
      .execute('select 1 from "public"."probe" where "step" = ?', [step]);
    const events = (await em.find(OutboxMessage, { type: 'probe.attempted' })).filter(
      (m) => m.payload.step === step,
    );
    return { rows: rows.length, events: events.length };
  };

  it('commits what the use case wrote and its events, then throws the refusal’s error', async () => {
    await expect(
      inContext(() =>
        transactions.run(async (em) => {
          await write(em, 'alone');
          throw refuseAfterCommit(new ProbeRefused());
        }),
      ),
    ).rejects.toBeInstanceOf(ProbeRefused);
    expect(await committed('alone')).toEqual({ rows: 1, events: 1 });
  });

  it('rolls back on any other error', async () => {
    await expect(
      inContext(() =>
        transactions.run(async (em) => {
          await write(em, 'failed');
          throw new Error('boom');
        }),
      ),
    ).rejects.toThrow('boom');
    expect(await committed('failed')).toEqual({ rows: 0, events: 0 });
  });

  it('lets a nested use case refuse: the outermost transaction commits both, then the error surfaces', async () => {
    let after = false;
    await expect(
      inContext(() =>
        transactions.run(async (em) => {
          await write(em, 'outer');
          await transactions.run(async (inner) => {
            await write(inner, 'inner');
            throw refuseAfterCommit(new ProbeRefused());
          });
          after = true;
        }),
      ),
    ).rejects.toBeInstanceOf(ProbeRefused);
    expect(after).toBe(false);
    expect(await committed('outer')).toEqual({ rows: 1, events: 1 });
    expect(await committed('inner')).toEqual({ rows: 1, events: 1 });
  });
});

import { EntityManager } from '@mikro-orm/postgresql';
import { preparedRead, RequestContext, TransactionRunner } from '@app/platform';
import { createTestApp } from '@test/support/test-app';
import type { TestApp } from '@test/support/test-app';

/** ADR 0095: the per-request reads as named prepared statements, in the caller's transaction. */
describe('preparedRead (real PostgreSQL)', () => {
  let t: TestApp;
  let em: EntityManager;

  beforeAll(async () => {
    t = await createTestApp();
    em = t.app.get(EntityManager);
    await em
      .fork()
      .getConnection()
      .execute('create table "public"."prepared_probe" ("step" text not null)');
  });

  afterAll(() => t.close());

  const read = (step: string) =>
    preparedRead<{ step: string }>(
      em,
      'test.prepared-probe',
      'select "step" from "public"."prepared_probe" where "step" = ?',
      [step],
    );

  it('sees what the surrounding transaction wrote, on its connection', async () => {
    const seen = await t.app.get(RequestContext).run({}, () =>
      t.app.get(TransactionRunner).run(async (tx) => {
        await tx.execute('insert into "public"."prepared_probe" ("step") values (?)', ['inside']);
        // Outside the transaction the row would not exist yet, and asking the pool for a second
        // connection here would fail with NestedConnectionError (ADR 0006).
        return read('inside');
      }),
    );
    expect(seen).toEqual([{ step: 'inside' }]);
  });

  it('runs the same named statement again with other values, outside any transaction', async () => {
    await em
      .fork()
      .getConnection()
      .execute(`insert into "public"."prepared_probe" ("step") values ('a'), ('b')`);
    for (let i = 0; i < 7; i += 1) {
      expect(await read(i % 2 === 0 ? 'a' : 'b')).toEqual([{ step: i % 2 === 0 ? 'a' : 'b' }]);
    }
    expect(await read('none')).toEqual([]);
  });
});

import type { EntityManager } from '@mikro-orm/postgresql';

type EntityClass = abstract new (...args: never[]) => object;
type Where = Record<string, unknown>;

export type EntityManagerDouble = EntityManager & {
  /** What the handler persisted, in order. */
  persisted: object[];
  findOne: jest.Mock;
  findOneOrFail: jest.Mock;
  find: jest.Mock;
  count: jest.Mock;
  persist: jest.Mock;
  remove: jest.Mock;
  nativeUpdate: jest.Mock;
  nativeDelete: jest.Mock;
  execute: jest.Mock;
  createQueryBuilder: jest.Mock;
  map: jest.Mock;
};

/** Plain values must be equal; operator objects (`{ $gt: … }`) are the database's business. */
function matches(entity: object, where: Where): boolean {
  return Object.entries(where).every(([key, expected]) => {
    const isOperator =
      typeof expected === 'object' && expected !== null && !(expected instanceof Date);
    return isOperator || (entity as Record<string, unknown>)[key] === expected;
  });
}

/**
 * An entity manager that answers reads from the entities it holds (by class and plain field values)
 * and records writes. Native statements answer nothing unless a spec tells them otherwise
 * (`em.execute.mockResolvedValueOnce([{ id }])`). Forks are the manager itself.
 */
export function entityManagerHolding(...entities: object[]): EntityManagerDouble {
  const held = [...entities];
  const all = (type: EntityClass, where: Where) =>
    held.filter((entity) => entity instanceof type && matches(entity, where));
  const double: Record<string, unknown> & { persisted: object[] } = {
    persisted: [] as object[],
    fork: jest.fn((): unknown => double),
    findOne: jest.fn((type: EntityClass, where: Where) =>
      Promise.resolve(all(type, where)[0] ?? null),
    ),
    findOneOrFail: jest.fn((type: EntityClass, where: Where) => {
      const [found] = all(type, where);
      return found ? Promise.resolve(found) : Promise.reject(new Error(`no ${type.name}`));
    }),
    find: jest.fn((type: EntityClass, where: Where) => Promise.resolve(all(type, where))),
    count: jest.fn((type: EntityClass, where: Where) => Promise.resolve(all(type, where).length)),
    persist: jest.fn((entity: object): unknown => {
      double.persisted.push(entity);
      held.push(entity);
      return double;
    }),
    remove: jest.fn((): unknown => double),
    nativeUpdate: jest.fn(() => Promise.resolve(0)),
    nativeDelete: jest.fn(() => Promise.resolve(0)),
    execute: jest.fn(() => Promise.resolve([])),
    /** Mapping a raw row answers nothing unless a spec says which entity it is. */
    map: jest.fn(() => undefined),
    /** A query builder whose every step chains and whose `execute` does nothing. */
    createQueryBuilder: jest.fn(() => {
      const chain: Record<string, jest.Mock> = {};
      for (const step of ['insert', 'onConflict', 'ignore', 'merge', 'where'])
        chain[step] = jest.fn(() => chain);
      chain.execute = jest.fn(() => Promise.resolve());
      return chain;
    }),
  };
  return double as unknown as EntityManagerDouble;
}

import { EventBatch } from './event-batch';

describe('EventBatch', () => {
  const flushes: number[][] = [];
  const recording = (outcome?: (items: number[]) => PromiseSettledResult<unknown>[]) =>
    new EventBatch<number>(
      (items) => {
        flushes.push(items);
        return Promise.resolve(outcome?.(items));
      },
      { maxItems: 3, maxWaitMs: 10 },
    );

  beforeEach(() => {
    flushes.length = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('flushes a full batch at once, without waiting for the timer', async () => {
    const batch = recording();
    await Promise.all([1, 2, 3].map((n) => batch.add(n)));
    expect(flushes).toEqual([[1, 2, 3]]);
  });

  it('flushes a partial batch when the wait after its first item is over, not before', async () => {
    const batch = recording();
    const added = Promise.all([batch.add(1), batch.add(2)]);
    jest.advanceTimersByTime(9);
    expect(flushes).toEqual([]);
    jest.advanceTimersByTime(1);
    await added;
    expect(flushes).toEqual([[1, 2]]);
  });

  it('fails every item of a batch whose flush throws', async () => {
    const batch = new EventBatch<number>(() => Promise.reject(new Error('insert failed')), {
      maxItems: 2,
      maxWaitMs: 10,
    });
    const results = await Promise.allSettled([batch.add(1), batch.add(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });

  it('settles each item with its own outcome when the flush answers one per item', async () => {
    const batch = recording((items) =>
      items.map((n) =>
        n === 2
          ? { status: 'rejected', reason: new Error(`bad ${n}`) }
          : { status: 'fulfilled', value: undefined },
      ),
    );
    const results = await Promise.allSettled([1, 2, 3].map((n) => batch.add(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('drain flushes what waits and settles after it', async () => {
    const batch = recording();
    const added = batch.add(7);
    await batch.drain();
    await expect(added).resolves.toBeUndefined();
    expect(flushes).toEqual([[7]]);
  });
});

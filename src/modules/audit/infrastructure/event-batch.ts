/** What a flush says about each item of its batch, in order. */
export type ItemOutcomes = PromiseSettledResult<unknown>[];

export interface EventBatchLimits {
  /** A batch is flushed as soon as it holds this many items… */
  maxItems: number;
  /** …or this long after its first item joined, whichever comes first. */
  maxWaitMs: number;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers items handed over one by one (queue jobs) into batches that one `flush` stores together.
 * Each `add` settles when its batch has been flushed: with the batch's error when the flush throws,
 * with its own outcome when the flush answers one per item. Nothing is acknowledged before its
 * batch committed, so a crash loses only uncommitted work, which the queue delivers again.
 */
export class EventBatch<T> {
  private waiting: Waiting<T>[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly flush: (items: T[]) => Promise<ItemOutcomes | void>,
    private readonly limits: EventBatchLimits,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.limits.maxItems) this.flushNow();
      else this.timer ??= setTimeout(() => this.flushNow(), this.limits.maxWaitMs);
    });
  }

  /** Flushes what is waiting and settles once every flush started so far has. */
  async drain(): Promise<void> {
    this.flushNow();
    await Promise.all(this.flushing);
  }

  private flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const flushed = this.settle(batch);
    this.flushing.add(flushed);
    void flushed.finally(() => this.flushing.delete(flushed));
  }

  private async settle(batch: Waiting<T>[]): Promise<void> {
    try {
      const outcomes = await this.flush(batch.map((w) => w.item));
      batch.forEach((w, i) => {
        const outcome = outcomes?.[i];
        if (outcome?.status === 'rejected') w.reject(outcome.reason);
        else w.resolve();
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}

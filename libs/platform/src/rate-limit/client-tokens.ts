import type { ThrottlerRecord } from './rate-limit-redis';

/** How many of a block this instance may hand out: the global count stays exact, never above the limit. */
export function grantedTokens(limit: number, blockSize: number, totalAfterBlock: number): number {
  return Math.min(blockSize, Math.max(0, limit - (totalAfterBlock - blockSize)));
}

export type TakeOutcome = 'allowed' | 'refused' | 'needs-block';

/**
 * One client's window as this instance sees it: the last block of tokens it took from Redis and
 * what it has answered from it. Pure bookkeeping; the storage does the Redis part.
 */
export class ClientTokens {
  private endsAt = 0;
  private limit = 0;
  /** The client's count in Redis before the current block: every instance's blocks together. */
  private countedBefore = 0;
  private granted = 0;
  private used = 0;
  private refused = 0;

  /** Records a block: Redis's count after adding `blockSize`, and the window's remaining time. */
  receiveBlock(
    limit: number,
    blockSize: number,
    totalAfterBlock: number,
    windowLeftMs: number,
    now: number,
  ): void {
    this.limit = limit;
    this.countedBefore = totalAfterBlock - blockSize;
    this.granted = grantedTokens(limit, blockSize, totalAfterBlock);
    this.used = 0;
    this.refused = 0;
    this.endsAt = now + windowLeftMs;
  }

  /** One request: answered from the block, refused for the rest of the window, or Redis must be asked. */
  take(now: number): TakeOutcome {
    if (this.isOver(now)) return 'needs-block';
    if (this.used < this.granted) {
      this.used += 1;
      return 'allowed';
    }
    if (this.countedBefore + this.granted >= this.limit) {
      this.refused += 1;
      return 'refused';
    }
    return 'needs-block';
  }

  isOver(now: number): boolean {
    return now >= this.endsAt;
  }

  /** In ThrottlerStorage's terms (seconds); `totalHits` is this window's count as far as this instance knows. */
  record(outcome: 'allowed' | 'refused', now: number): ThrottlerRecord {
    const secondsLeft = Math.max(1, Math.ceil((this.endsAt - now) / 1000));
    const refused = outcome === 'refused';
    return {
      totalHits: this.countedBefore + this.used + this.refused,
      timeToExpire: secondsLeft,
      isBlocked: refused,
      timeToBlockExpire: refused ? secondsLeft : 0,
    };
  }
}

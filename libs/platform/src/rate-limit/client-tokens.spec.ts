import { ClientTokens, grantedTokens } from './client-tokens';

const NOW = 1_000_000;

/** Takes `count` requests at `now` and tallies their outcomes. */
function takeMany(tokens: ClientTokens, count: number, now = NOW) {
  const outcomes = { allowed: 0, refused: 0, 'needs-block': 0 };
  for (let i = 0; i < count; i += 1) outcomes[tokens.take(now)] += 1;
  return outcomes;
}

describe('grantedTokens', () => {
  it.each([
    // limit, block, Redis's count after the block, granted
    [100, 10, 10, 10],
    [100, 10, 100, 10],
    [100, 10, 105, 5],
    [100, 10, 110, 0],
    [100, 10, 250, 0],
    [3, 3, 3, 3],
    [3, 3, 6, 0],
    [5, 1, 5, 1],
    [5, 1, 6, 0],
  ])('limit %i, block %i, count %i: %i granted', (limit, block, total, granted) => {
    expect(grantedTokens(limit, block, total)).toBe(granted);
  });

  it('never grants more than the limit, however the blocks of several instances interleave', () => {
    for (const [limit, block] of [
      [7, 3],
      [300, 10],
      [10, 10],
      [1, 1],
    ]) {
      let total = 0;
      let granted = 0;
      for (let fetch = 0; fetch < 200; fetch += 1) {
        total += block;
        granted += grantedTokens(limit, block, total);
      }
      expect(granted).toBe(limit);
    }
  });
});

describe('ClientTokens', () => {
  it('needs a block before it has one', () => {
    expect(new ClientTokens().take(NOW)).toBe('needs-block');
  });

  it('answers a full block from memory, then asks for the next one', () => {
    const tokens = new ClientTokens();
    tokens.receiveBlock(100, 10, 10, 60_000, NOW);
    expect(takeMany(tokens, 10)).toEqual({ allowed: 10, refused: 0, 'needs-block': 0 });
    expect(tokens.take(NOW)).toBe('needs-block');
  });

  it('refuses for the rest of the window once the limit is reached, without asking again', () => {
    const tokens = new ClientTokens();
    tokens.receiveBlock(25, 10, 30, 60_000, NOW);
    expect(takeMany(tokens, 8)).toEqual({ allowed: 5, refused: 3, 'needs-block': 0 });
    expect(tokens.take(NOW + 59_999)).toBe('refused');
    expect(tokens.take(NOW + 60_000)).toBe('needs-block');
  });

  it('refuses without asking again when a full block ends exactly at the limit', () => {
    const tokens = new ClientTokens();
    tokens.receiveBlock(20, 10, 20, 60_000, NOW);
    expect(takeMany(tokens, 11)).toEqual({ allowed: 10, refused: 1, 'needs-block': 0 });
  });

  it('refuses at once when other instances already took the whole limit', () => {
    const tokens = new ClientTokens();
    tokens.receiveBlock(20, 10, 40, 30_000, NOW);
    expect(tokens.take(NOW)).toBe('refused');
  });

  it('reports the count, the seconds left and the block in ThrottlerStorage terms', () => {
    const tokens = new ClientTokens();
    tokens.receiveBlock(12, 10, 20, 42_500, NOW);
    tokens.take(NOW);
    expect(tokens.record('allowed', NOW)).toEqual({
      totalHits: 11,
      timeToExpire: 43,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    tokens.take(NOW);
    expect(tokens.take(NOW + 2_000)).toBe('refused');
    expect(tokens.record('refused', NOW + 2_000)).toEqual({
      totalHits: 13,
      timeToExpire: 41,
      isBlocked: true,
      timeToBlockExpire: 41,
    });
  });

  it('never says less than one second to wait', () => {
    const tokens = new ClientTokens();
    tokens.receiveBlock(1, 1, 2, 300, NOW);
    expect(tokens.take(NOW + 299)).toBe('refused');
    expect(tokens.record('refused', NOW + 299).timeToBlockExpire).toBe(1);
  });
});

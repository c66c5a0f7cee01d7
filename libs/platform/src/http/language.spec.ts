import { negotiateLanguage } from './language';

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'ja'],
    ['', 'ja'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['ja-JP,ja;q=0.9,en;q=0.8', 'ja'],
    ['fr, en;q=0.5', 'en'],
    ['en;q=0.2, ja;q=0.8', 'ja'],
    ['en;q=0, ja;q=0.1', 'ja'],
    ['de', 'ja'],
    ['*', 'ja'],
  ])('%p → %p', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});

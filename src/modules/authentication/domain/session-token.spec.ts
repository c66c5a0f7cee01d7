import { createHash } from 'node:crypto';
import { hashSessionToken, isWellFormedSessionToken, newSessionToken } from './session-token';

describe('session tokens', () => {
  it('are 256 random bits in base64url, never repeated', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newSessionToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(isWellFormedSessionToken(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256 in hex, which differs from the token and is stable', () => {
    const token = newSessionToken();
    const hash = hashSessionToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashSessionToken(token)).toBe(hash);
    expect(hash).not.toContain(token);
    expect(hashSessionToken(newSessionToken())).not.toBe(hash);
  });

  it('refuses anything that is not a token before it reaches the database', () => {
    expect(isWellFormedSessionToken('')).toBe(false);
    expect(isWellFormedSessionToken('short')).toBe(false);
    expect(isWellFormedSessionToken(`${newSessionToken()}x`)).toBe(false);
    expect(isWellFormedSessionToken(newSessionToken().replace(/.$/, '+'))).toBe(false);
  });
});

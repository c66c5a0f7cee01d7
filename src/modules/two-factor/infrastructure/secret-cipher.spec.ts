import { randomBytes } from 'node:crypto';
import { parseKeyring, SecretCipher } from './secret-cipher';

const key = () => randomBytes(32);

describe('SecretCipher', () => {
  const accountId = '5b0f3c36-7c3c-4d8e-9d59-0c6d2a3b4c5d';

  it('round-trips a secret and prefixes the stored value with the key id', () => {
    const cipher = new SecretCipher([{ id: 'v1', key: key() }]);
    const stored = cipher.encrypt('JBSWY3DPEHPK3PXP', accountId);
    expect(stored).toMatch(/^v1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(stored, accountId)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new SecretCipher([{ id: 'v1', key: key() }]);
    expect(cipher.encrypt('same', accountId)).not.toBe(cipher.encrypt('same', accountId));
  });

  it('refuses a ciphertext moved to another account (associated data)', () => {
    const cipher = new SecretCipher([{ id: 'v1', key: key() }]);
    const stored = cipher.encrypt('JBSWY3DPEHPK3PXP', accountId);
    expect(() => cipher.decrypt(stored, 'another-account')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const cipher = new SecretCipher([{ id: 'v1', key: key() }]);
    const stored = cipher.encrypt('JBSWY3DPEHPK3PXP', accountId);
    const sealed = Buffer.from(stored.slice(3), 'base64url');
    sealed[14] ^= 0x01;
    expect(() => cipher.decrypt(`v1:${sealed.toString('base64url')}`, accountId)).toThrow();
  });

  describe('key rotation', () => {
    const v1 = { id: 'v1', key: key() };
    const v2 = { id: 'v2', key: key() };
    const before = new SecretCipher([v1]);
    const after = new SecretCipher([v2, v1]);

    it('decrypts values of the older key and encrypts with the first key', () => {
      const old = before.encrypt('OLDSECRET', accountId);
      expect(after.decrypt(old, accountId)).toBe('OLDSECRET');
      expect(after.isCurrent(old)).toBe(false);
      const renewed = after.encrypt('OLDSECRET', accountId);
      expect(renewed.startsWith('v2:')).toBe(true);
      expect(after.isCurrent(renewed)).toBe(true);
    });

    it('cannot read values of a key that was removed', () => {
      const renewed = after.encrypt('NEWSECRET', accountId);
      expect(() => before.decrypt(renewed, accountId)).toThrow('unknown key id "v2"');
    });
  });

  it('refuses keys that are not 32 bytes and duplicate key ids', () => {
    expect(() => new SecretCipher([{ id: 'v1', key: randomBytes(16) }])).toThrow('not 32 bytes');
    expect(
      () =>
        new SecretCipher([
          { id: 'v1', key: key() },
          { id: 'v1', key: key() },
        ]),
    ).toThrow('unique');
  });
});

describe('parseKeyring', () => {
  it('names a bare key v1 and keeps the order of a list', () => {
    const a = key().toString('base64');
    const b = key().toString('base64');
    expect(parseKeyring(a).map((k) => k.id)).toEqual(['v1']);
    const ring = parseKeyring(`v2:${b},v1:${a}`);
    expect(ring.map((k) => k.id)).toEqual(['v2', 'v1']);
    expect(ring[1].key.equals(Buffer.from(a, 'base64'))).toBe(true);
  });
});

import {
  formatRecoveryCode,
  generateRecoveryCode,
  isTotpCodeShape,
  normalizeRecoveryCode,
} from './recovery-code-format';

describe('recovery code format', () => {
  it('generates ten unambiguous characters, shown as two groups of five', () => {
    const code = generateRecoveryCode();
    expect(code).toMatch(/^[a-hjkmnp-z2-9]{10}$/);
    expect(formatRecoveryCode(code)).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it('does not repeat itself', () => {
    expect(new Set(Array.from({ length: 200 }, generateRecoveryCode)).size).toBe(200);
  });

  it('forgives case, spaces and hyphens', () => {
    expect(normalizeRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(normalizeRecoveryCode('abcde fghjk')).toBe('abcdefghjk');
  });

  it.each(['123456', 'abcde-fghj', 'abcde-fghjkm', 'abcde-fghi0', 'ａｂｃｄｅ-ｆｇｈｊｋ'])(
    'does not take %p for a recovery code',
    (input) => {
      expect(normalizeRecoveryCode(input)).toBeNull();
    },
  );

  it('tells six-digit TOTP codes apart', () => {
    expect(isTotpCodeShape('123456')).toBe(true);
    expect(isTotpCodeShape('123 456')).toBe(true);
    expect(isTotpCodeShape('12345')).toBe(false);
    expect(isTotpCodeShape('1234567')).toBe(false);
    expect(isTotpCodeShape('abcde-fghjk')).toBe(false);
  });
});

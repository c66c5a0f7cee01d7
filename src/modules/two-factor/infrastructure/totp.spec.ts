import { KeyEncodings } from '@otplib/core';
import { authenticator, totp as rfcTotp } from 'otplib';
import { Totp, TOTP_OPTIONS } from './totp';

const STEP_MS = TOTP_OPTIONS.step * 1000;
const RFC_SECRET_ASCII = '12345678901234567890';

describe('Totp', () => {
  const totp = new Totp();

  describe('code generation with the configured options (RFC 6238 Appendix B, SHA-1)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    const generator = (seconds: number, digits: number) =>
      rfcTotp.clone({
        ...TOTP_OPTIONS,
        digits,
        encoding: KeyEncodings.ASCII,
        epoch: seconds * 1000,
      });

    it.each(vectors)('T=%p → %p (8 digits)', (seconds, expected) => {
      expect(generator(seconds, 8).generate(RFC_SECRET_ASCII)).toBe(expected);
    });

    it.each(vectors)('T=%p → the last six digits of %p', (seconds, expected) => {
      expect(generator(seconds, TOTP_OPTIONS.digits).generate(RFC_SECRET_ASCII)).toBe(
        expected.slice(2),
      );
    });

    it('matches the RFC codes through the service, with the base32 form of the secret', () => {
      const base32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
      expect(totp.matchingStep(base32, '287082', new Date(59_000))).toBe(1);
      expect(totp.matchingStep(base32, '005924', new Date(1234567890_000))).toBe(
        Math.floor(1234567890 / 30),
      );
    });
  });

  describe('matchingStep (fixed clock)', () => {
    const secret = totp.newSecret();
    const now = new Date(1_750_000_000_000);
    const step = totp.stepAt(now);
    const codeAt = (s: number) =>
      authenticator.clone({ ...TOTP_OPTIONS, epoch: s * STEP_MS }).generate(secret);

    it.each([-1, 0, 1])('accepts the code of the step %p away and names that step', (offset) => {
      expect(totp.matchingStep(secret, codeAt(step + offset), now)).toBe(step + offset);
    });

    it.each([-2, 2, 10])('rejects the code of the step %p away', (offset) => {
      expect(totp.matchingStep(secret, codeAt(step + offset), now)).toBeNull();
    });
  });

  it('creates 160-bit base32 secrets, a new one each time', () => {
    const a = totp.newSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Buffer.from(authenticator.decode(a), 'hex')).toHaveLength(20);
    expect(totp.newSecret()).not.toBe(a);
  });

  it('writes the otpauth URI with issuer, user ID label and the fixed parameters', () => {
    const uri = new URL(totp.keyUri('yamada01', '研修ポータル', 'JBSWY3DPEHPK3PXP'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/研修ポータル:yamada01');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: '研修ポータル',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

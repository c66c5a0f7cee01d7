import { LookupPassword } from './lookup-password.entity';
import { generateLookupPassword, LOOKUP_PASSWORD_LENGTH } from './recovery-secrets';
import { LookupPasswordIssued, UserIdLookupCompleted } from './recovery.events';

describe('LookupPassword', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  function issued(): LookupPassword {
    const lookup = LookupPassword.forAddress('a'.repeat(64));
    lookup.issue({
      hash: '$argon2id$first',
      plain: 'Kx7mQ2pLw9zR',
      now,
      expiresAt: later(30),
      email: 'yamada@example.jp',
      language: 'ja',
      accountIds: ['acc-1', 'acc-2'],
    });
    lookup.pullEvents();
    return lookup;
  }

  const attempt = (lookup: LookupPassword, passwordMatched: boolean, at = later(1)) =>
    lookup.redeem({ passwordMatched, now: at, maxFailures: 5, accountIds: ['acc-1'] });

  it('records the mail-worthy issue with the password in secrets only', () => {
    const lookup = LookupPassword.forAddress('b'.repeat(64));
    lookup.issue({
      hash: 'h',
      plain: 'Kx7mQ2pLw9zR',
      now,
      expiresAt: later(30),
      email: 'yamada@example.jp',
      language: 'en',
      accountIds: ['acc-1'],
    });
    const [event] = lookup.pullEvents();
    expect(event.type).toBe(LookupPasswordIssued.TYPE);
    expect(event.secrets).toEqual({ lookupPassword: 'Kx7mQ2pLw9zR' });
    expect(JSON.stringify(event.payload)).not.toContain('Kx7mQ2pLw9zR');
    expect(event.payload).toMatchObject({ email: 'yamada@example.jp', language: 'en' });
  });

  it('is redeemed once by the right password, then refused', () => {
    const lookup = issued();
    expect(attempt(lookup, true)).toEqual({ redeemed: true });
    expect(lookup.pullEvents().map((e) => e.type)).toEqual([UserIdLookupCompleted.TYPE]);
    expect(attempt(lookup, true)).toEqual({ redeemed: false, reason: 'already_used' });
  });

  it('is void after 5 wrong passwords, even for the right one', () => {
    const lookup = issued();
    for (let i = 0; i < 4; i += 1) expect(attempt(lookup, false).redeemed).toBe(false);
    expect(attempt(lookup, false)).toEqual({ redeemed: false, reason: 'wrong_password' });
    expect(attempt(lookup, true)).toEqual({ redeemed: false, reason: 'voided' });
    expect(lookup.failedAttempts).toBe(5);
  });

  it('is refused once expired', () => {
    expect(attempt(issued(), true, later(30))).toEqual({ redeemed: false, reason: 'expired' });
  });

  it('starts afresh when issued again', () => {
    const lookup = issued();
    attempt(lookup, false);
    attempt(lookup, true);
    lookup.issue({
      hash: '$argon2id$second',
      plain: 'Zt8nR3qMx4wP',
      now: later(2),
      expiresAt: later(32),
      email: 'yamada@example.jp',
      language: 'ja',
      accountIds: ['acc-1'],
    });
    expect(lookup.failedAttempts).toBe(0);
    expect(attempt(lookup, true, later(3))).toEqual({ redeemed: true });
  });
});

describe('generateLookupPassword', () => {
  it('draws every character from the CSPRNG over an alphabet without look-alikes', () => {
    const password = generateLookupPassword();
    expect(password).toHaveLength(LOOKUP_PASSWORD_LENGTH);
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]+$/);
    expect(generateLookupPassword()).not.toBe(password);
  });
});

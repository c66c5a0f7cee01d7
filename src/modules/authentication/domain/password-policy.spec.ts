import { DomainError } from '@app/ddd';
import { PasswordPolicy } from './password-policy';

describe('PasswordPolicy', () => {
  const policy = new PasswordPolicy(
    { minLength: 8, maxLength: 64 },
    new Set(['password1', 'qwertyuiop']),
  );
  const violation = (candidate: string, userId = 'yamada01') => {
    try {
      policy.enforce(candidate, userId);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      return { code: (error as DomainError).code, details: (error as DomainError).details };
    }
  };

  it('accepts 8 to 64 half-width letters and digits', () => {
    expect(violation('Kx7mQ2pL')).toBeNull();
    expect(violation('a'.repeat(7) + 'Z'.repeat(57))).toBeNull();
  });

  it.each([
    ['Kx7mQ2p', 7],
    ['Kx7mQ2pL'.repeat(8) + 'x', 65],
  ])('refuses %s (%i characters) by length', (candidate) => {
    expect(violation(candidate)).toEqual({
      code: 'PASSWORD_POLICY_VIOLATION',
      details: { rule: 'length', minLength: 8, maxLength: 64 },
    });
  });

  it('refuses symbols and spaces by charset', () => {
    expect(violation('Kx7mQ2pL!')?.details).toEqual({ rule: 'charset' });
    expect(violation('Kx7m Q2pL')?.details).toEqual({ rule: 'charset' });
  });

  it('hints at full-width input when the characters are full-width letters or digits', () => {
    expect(violation('Ｋｘ７ｍＱ２ｐＬ')?.details).toEqual({ rule: 'charset', hint: 'full_width' });
  });

  it('refuses the user ID itself, whatever the case', () => {
    expect(violation('Yamada01', 'yamada01')?.details).toEqual({ rule: 'equals_user_id' });
    expect(violation('yamada01x', 'yamada01')).toBeNull();
  });

  it('refuses common passwords, whatever the case', () => {
    expect(violation('Password1')?.details).toEqual({ rule: 'common' });
    expect(violation('QWERTYUIOP')?.details).toEqual({ rule: 'common' });
  });
});

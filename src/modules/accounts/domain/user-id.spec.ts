import { DomainError } from '@app/ddd';
import { UserId } from './user-id';

function refusal(raw: unknown): DomainError {
  try {
    UserId.parse(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${String(raw)} was accepted`);
}

describe('UserId', () => {
  it.each(['yamada', 'Yamada01', 'ABCDEFGHIJ0123456789', '000000'])(
    'accepts %p exactly as typed',
    (raw) => {
      expect(UserId.parse(raw).value).toBe(raw);
    },
  );

  it('shares a uniqueness key between case variants, so the database can refuse the second one', () => {
    expect(UserId.parse('Yamada01').uniquenessKey).toBe(UserId.parse('yAMADA01').uniquenessKey);
  });

  it.each([
    ['yamad', 'length'],
    ['ABCDEFGHIJ01234567890', 'length'],
    ['', 'length'],
    ['yamada_01', 'characters'],
    ['yamada 01', 'characters'],
    ['yamadá01', 'characters'],
    [' yamada01', 'characters'],
  ])('refuses %p with USER_ID_INVALID, hint %p and the rule', (raw, hint) => {
    const error = refusal(raw);
    expect(error.code).toBe('USER_ID_INVALID');
    expect(error.details).toEqual({
      hint,
      rule: { minLength: 6, maxLength: 20, characters: 'A-Z a-z 0-9' },
    });
  });

  it.each(['ｙａｍａｄａ０１', 'yamada０１', 'yamada\u300001'])(
    'refuses full-width input %p with a hint and a message about the input mode',
    (raw) => {
      const error = refusal(raw);
      expect(error.code).toBe('USER_ID_INVALID');
      expect(error.details).toMatchObject({ hint: 'full_width' });
      expect(error.definition.message.ja).toContain('入力モードを半角に切り替えて');
      expect(error.definition.message.en).toContain('half-width');
    },
  );

  it.each([null, undefined, 12345678, {}])(
    'refuses the non-string %p without throwing anything else',
    (raw) => {
      expect(refusal(raw).code).toBe('USER_ID_INVALID');
    },
  );

  it('generates 10 characters of one case without look-alike characters, valid in the same format', () => {
    const ids = Array.from({ length: 200 }, () => UserId.generate().value);
    for (const id of ids) {
      expect(id).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
      expect(UserId.parse(id).value).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws every character from the random source it is given', () => {
    const draws: number[] = [];
    const id = UserId.generate((max) => {
      draws.push(max);
      return max - 1;
    });
    expect(id.value).toBe('zzzzzzzzzz');
    expect(draws).toHaveLength(10);
  });
});

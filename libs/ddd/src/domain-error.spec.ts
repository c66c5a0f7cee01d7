import { defineError, domainError, registeredErrors } from './domain-error';

describe('the error catalogue', () => {
  const message = { ja: 'テスト用のエラーです。', en: 'An error for this test.' };

  it('keeps one definition per code, so the catalogue and the answers agree', () => {
    const First = domainError('SPEC_ONE_DEFINITION', 'conflict', message);
    const Second = domainError('SPEC_ONE_DEFINITION', 'conflict', { ...message });

    expect(new Second().definition).toBe(new First().definition);
    expect(registeredErrors().filter((e) => e.code === 'SPEC_ONE_DEFINITION')).toHaveLength(1);
  });

  it.each([
    ['kind', { kind: 'invalid' as const, message }],
    [
      'Japanese message',
      { kind: 'conflict' as const, message: { ...message, ja: '別の文面です。' } },
    ],
    ['English message', { kind: 'conflict' as const, message: { ...message, en: 'Other words.' } }],
  ])('refuses a second definition of a code with another %s', (_, other) => {
    defineError({ code: 'SPEC_TWO_DEFINITIONS', kind: 'conflict', message });

    expect(() => defineError({ code: 'SPEC_TWO_DEFINITIONS', ...other })).toThrow(
      'Error code SPEC_TWO_DEFINITIONS is defined twice, differently',
    );
  });
});

import { isUuid } from './is-uuid';

describe('isUuid', () => {
  it('accepts a uuid in either case', () => {
    expect(isUuid('0b6e1c9a-3f1d-4c2e-9a57-1d2f3e4a5b6c')).toBe(true);
    expect(isUuid('0B6E1C9A-3F1D-4C2E-9A57-1D2F3E4A5B6C')).toBe(true);
  });

  it('refuses what PostgreSQL would reject as a uuid', () => {
    for (const value of [
      '',
      'not-a-uuid',
      '0b6e1c9a-3f1d-4c2e-9a57-1d2f3e4a5b6',
      ' 0b6e1c9a-3f1d-4c2e-9a57-1d2f3e4a5b6c',
    ])
      expect(isUuid(value)).toBe(false);
  });

  it('refuses anything but a string', () => {
    for (const value of [undefined, null, 42, {}]) expect(isUuid(value)).toBe(false);
  });
});

import { DomainError } from '@app/ddd';
import { Email } from './email';

function refusal(raw: unknown): DomainError {
  try {
    Email.parse(raw);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${String(raw)} was accepted`);
}

describe('Email', () => {
  it.each([
    ['taro@example.jp', 'taro@example.jp'],
    ['  Taro.Yamada+courses@Mail.Example.co.jp ', 'Taro.Yamada+courses@Mail.Example.co.jp'],
    ["o'brien@example.com", "o'brien@example.com"],
  ])('accepts %p as %p (trimmed, case kept)', (raw, stored) => {
    expect(Email.parse(raw).value).toBe(stored);
  });

  it.each([
    '',
    'taro',
    'taro@',
    '@example.jp',
    'taro@example',
    'taro@@example.jp',
    'taro..yamada@example.jp',
    '.taro@example.jp',
    'taro@-example.jp',
    'taro@example.123',
    'ta ro@example.jp',
    `${'a'.repeat(65)}@example.jp`,
    `taro@${'a'.repeat(250)}.jp`,
    null,
    42,
  ])('refuses %p with EMAIL_INVALID (format)', (raw) => {
    const error = refusal(raw);
    expect(error.code).toBe('EMAIL_INVALID');
    expect(error.details).toEqual({ hint: 'format' });
  });

  it('points full-width input out specifically', () => {
    const error = refusal('ｔａｒｏ＠example.jp');
    expect(error.code).toBe('EMAIL_INVALID');
    expect(error.details).toEqual({ hint: 'full_width' });
  });
});

import { redactSecrets } from './redact-secrets';

describe('redactSecrets', () => {
  it('keeps ordinary fields and redacts secret-looking string fields, also nested', () => {
    expect(
      redactSecrets({
        userId: 'yamada01',
        temporaryPassword: 'Abc123456789',
        reason: 'wrong_password',
        nested: { sessionToken: 'x', ip: '127.0.0.1' },
        codeLength: 6,
      }),
    ).toEqual({
      userId: 'yamada01',
      temporaryPassword: '[redacted]',
      reason: 'wrong_password',
      nested: { sessionToken: '[redacted]', ip: '127.0.0.1' },
      codeLength: 6,
    });
  });
});

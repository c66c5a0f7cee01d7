import type { RegressionCase } from './campaign';

const JSON_BODY = { 'Content-Type': 'application/json' };

/**
 * Cases the fuzzer found failing, replayed on every run; each names its fix. Shrunk by hand to
 * what still failed before the fix.
 */
export const REGRESSIONS: RegressionCase[] = [
  {
    // 500: class-transformer took the string `constructor` for the field's class (request-screening.ts).
    name: 'a registration whose password is an object with a `constructor` key',
    role: 'anonymous',
    method: 'POST',
    target: '/api/v1/accounts',
    headers: JSON_BODY,
    body: JSON.stringify({
      type: 'corporate',
      userId: 'm6af9a4fa8569',
      password: { constructor: 'constructor' },
      email: 'm6af9a4fa8569@example.jp',
      profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ', companyName: '株式会社サンプル' },
    }),
  },
  {
    // 201: a top-level `constructor` was not reported as an unknown field.
    name: 'a registration with a top-level `constructor` field',
    role: 'anonymous',
    method: 'POST',
    target: '/api/v1/accounts',
    headers: JSON_BODY,
    body: JSON.stringify({
      type: 'individual',
      userId: 'r7c0nstruct0r',
      password: 'Pw5f3a9c2e1b7d',
      email: 'r7c0nstruct0r@example.jp',
      profile: { name: '山田 太郎', nameKana: 'ヤマダ タロウ' },
      constructor: 'constructor',
    }),
    answer: { status: 400, code: 'VALIDATION_FAILED' },
  },
  {
    // Audit events no consumer could store: the forwarded "address" outgrew its column
    // (libs/platform/src/context/client-address.ts).
    name: 'a logout forwarded for a client whose address is 100 digits',
    role: 'customer',
    method: 'POST',
    target: '/api/v1/auth/logout',
    headers: { 'X-Forwarded-For': '1'.repeat(100) },
  },
  {
    name: 'a failed login forwarded for a client whose address is 70 letters',
    role: 'anonymous',
    method: 'POST',
    target: '/api/v1/auth/login',
    headers: { ...JSON_BODY, 'X-Forwarded-For': 'f'.repeat(70) },
    body: JSON.stringify({ userId: 'nobody0001', password: 'Wrong0password' }),
  },
];

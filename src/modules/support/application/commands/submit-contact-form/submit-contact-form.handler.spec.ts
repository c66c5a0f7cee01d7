import { FindAccountForLoginQuery } from '../../../../accounts/public-api';
import { ACCOUNT_ID, anAccountForLogin } from '@test/support/builders/authentication-doubles';
import { answeringQueryBus } from '@test/support/builders/platform-doubles';
import { contactRateLimits, supportRequestsHolding } from '@test/support/builders/support-doubles';
import { immediateTransactions, typesOf } from '@test/support/builders/transactions-double';
import { SubmitContactFormCommand } from './submit-contact-form.command';
import type { ContactForm } from './submit-contact-form.command';
import { SubmitContactFormHandler } from './submit-contact-form.handler';

function submit(
  options: { account?: ReturnType<typeof anAccountForLogin> | null; refusedFor?: number } = {},
) {
  const transactions = immediateTransactions();
  const requests = supportRequestsHolding();
  const queries = answeringQueryBus([
    FindAccountForLoginQuery,
    options.account === undefined ? anAccountForLogin({ language: 'en' }) : options.account,
  ]);
  const handler = new SubmitContactFormHandler(
    transactions,
    queries,
    requests,
    contactRateLimits(transactions, options.refusedFor),
  );
  const run = (form: Partial<ContactForm> = {}) =>
    handler.execute(
      new SubmitContactFormCommand(
        {
          category: 'two_factor_locked',
          userId: 'Yamada01',
          email: ' Taro@Example.JP ',
          message: 'ロックされました',
          language: 'ja',
          ...form,
        },
        '192.0.2.10',
      ),
    );
  return { run, transactions, requests, queries };
}

describe('SubmitContactFormHandler', () => {
  it('links the request to the account when the user ID and the address belong to it', async () => {
    const { run, requests } = submit();

    await expect(run()).resolves.toBeUndefined();

    const [request] = requests.added;
    expect(request).toMatchObject({ accountId: ACCOUNT_ID, verified: true, language: 'en' });
    expect(request.peekEvents()).toEqual([
      expect.objectContaining({
        type: 'support.request-received',
        subjectAccountId: ACCOUNT_ID,
        payload: expect.objectContaining({ verified: true }) as object,
      }),
    ]);
  });

  it.each([
    ['another address', { email: 'someone@example.jp' }, undefined],
    ['an unknown user ID', {}, null],
    ['a withdrawn account', {}, anAccountForLogin({ status: 'withdrawn' })],
    ['no user ID', { userId: undefined }, undefined],
  ])('records an unverified request for %s, with the same answer', async (_what, form, account) => {
    const { run, requests, queries } = submit({ account });

    await expect(run(form)).resolves.toBeUndefined();

    expect(requests.added[0]).toMatchObject({ accountId: null, verified: false, language: 'ja' });
    expect(typesOf(requests.added[0].peekEvents())).toEqual(['support.request-received']);
    expect(queries.asked).toHaveLength(1);
  });

  it('answers TOO_MANY_ATTEMPTS over a limit, recording the refusal and no request', async () => {
    const { run, requests, transactions } = submit({ refusedFor: 120 });

    await expect(run()).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterSeconds: 120 },
    });
    expect(requests.added).toEqual([]);
    expect(transactions.published).toEqual([
      expect.objectContaining({
        type: 'support.contact-rate-limited',
        payload: { retryAfterSeconds: 120 },
      }),
    ]);
  });
});

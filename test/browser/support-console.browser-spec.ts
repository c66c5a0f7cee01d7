import {
  aRegisteredAccount,
  aStaffMember,
  requestWithdrawal,
} from '@test/support/builders/accounts';
import { aWrongCode, enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { startBrowserWorld } from '@test/support/browser';
import type { BrowserWorld, PageUnderTest } from '@test/support/browser';
import { expectAccessibleAtBothWidths, logInThroughPage } from '@test/support/browser-pages';
import { waitFor } from '@test/support/wait-for';
import type { Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../web/src/api/error-messages';

/**
 * The contact form and the support console in Chromium: a customer locked out by wrong codes
 * writes without logging in; staff find the request linked to the account, unlock it from the
 * request with a reason and reply; the customer gets the reply and logs in. A customer's session
 * sees a refusal at /console, never data. Every page is scanned with axe-core.
 */
describe('the contact form and the support console in Chromium', () => {
  let world: BrowserWorld;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    world = await startBrowserWorld();
    clock = new TwoFactorTestClock(world.t);
  });

  afterAll(() => world?.close());

  /** A browser profile holding a staff member's session cookie (staff log in with two-factor). */
  async function staffPage(): Promise<PageUnderTest & { auth: { Authorization: string } }> {
    const staff = await aStaffMember(world.t, 'support').loggedIn();
    const opened = await world.newPage();
    await opened.context.addCookies([
      { name: 'session', value: staff.sessionToken, url: world.baseUrl, httpOnly: true },
    ]);
    return { ...opened, auth: staff.auth };
  }

  async function typeCode(page: Page, code: string): Promise<void> {
    await page.getByLabel('認証コード', { exact: true }).fill(code);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/two-factor')),
      page.getByRole('button', { name: '認証する' }).click(),
    ]);
  }

  it('a customer locked by wrong codes writes through the form; staff unlock from the request with a reason and reply; the customer logs in', async () => {
    const customer = await aRegisteredAccount(world.t).register();
    const { secret } = await enrollTwoFactor(world.t, clock, customer);
    const { page, errors } = await world.newPage();

    // Five wrong codes lock the account; the login page points to the contact form.
    await logInThroughPage(page, customer.userId, customer.password);
    await page.getByRole('heading', { name: '認証コードの入力' }).waitFor();
    for (let n = 0; n < 5; n += 1) await typeCode(page, aWrongCode(clock, secret));
    await page.getByText(ERROR_MESSAGES.ACCOUNT_LOCKED.ja).waitFor();
    await page.getByRole('link', { name: 'お問い合わせフォームへ' }).click();

    // The contact form, without logging in: errors next to the fields, then the confirmation.
    await page.getByRole('heading', { name: 'お問い合わせフォーム', level: 1 }).waitFor();
    await page.getByRole('button', { name: '送信する' }).click();
    await page.locator('.field__error').first().waitFor();
    await expectAccessibleAtBothWidths(page, 'contact-errors');
    await page
      .getByLabel('お問い合わせの種類')
      .selectOption({ label: '認証コードを間違えてアカウントがロックされた' });
    await page.getByLabel('ユーザID', { exact: true }).fill(customer.userId);
    await page.getByLabel('E-mailアドレス', { exact: true }).fill(customer.email);
    await page.getByLabel('お問い合わせ内容').fill('認証コードを5回間違えてロックされました。');
    await page.getByRole('button', { name: '送信する' }).click();
    await page.getByRole('status').getByText('お問い合わせを受け付けました。').waitFor();
    await expectAccessibleAtBothWidths(page, 'contact-sent');

    // Staff: the request is in the open inbox, linked to the account.
    const staff = await staffPage();
    await staff.page.goto('/console');
    await staff.page.getByRole('heading', { name: '問い合わせ一覧', level: 1 }).waitFor();
    const item = staff.page
      .locator('.console-list__item')
      .filter({ has: staff.page.getByRole('link', { name: customer.userId, exact: true }) });
    await item.getByText('本人確認済み').waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-inbox');
    await item.getByRole('link', { name: /認証コードを間違えて/ }).click();
    await staff.page.getByRole('heading', { name: /^問い合わせ S-/, level: 1 }).waitFor();
    await staff.page.getByText('認証コードを5回間違えてロックされました。').waitFor();
    await staff.page.getByRole('button', { name: '担当する' }).click();
    await staff.page.getByRole('status').getByText('担当者になりました。').waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-request');

    // Unlock from the request: a dialog asks for the reason.
    await staff.page.getByRole('button', { name: '二段階認証のロックを解除する' }).click();
    const dialog = staff.page.getByRole('dialog', { name: '二段階認証のロックを解除する' });
    await dialog.getByText(customer.userId).waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-action-dialog');
    await dialog.getByLabel('理由').fill('お問い合わせフォームで本人からロック解除の依頼');
    await dialog.getByRole('button', { name: '実行する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.page.getByRole('status').getByText('二段階認証のロックを解除しました。').waitFor();
    // The audit trail records the action asynchronously (outbox → audit): once it is there, the
    // request page lists it with the reason.
    const requestId = new URL(staff.page.url()).pathname.split('/').pop() as string;
    await waitFor(
      async () => {
        const { body } = await world.t
          .http()
          .get(`/api/v1/admin/support/requests/${requestId}`)
          .set(staff.auth)
          .expect(200);
        return (body.actions as { staffReason: string | null }[]).length > 0;
      },
      { what: 'the unlock listed with the request' },
    );
    await staff.page.reload();
    const actions = staff.page.getByRole('region', { name: 'この問い合わせで行った操作' });
    await actions.getByText('お問い合わせフォームで本人からロック解除の依頼').waitFor();

    // The reply is mailed and closes the request.
    const reply = 'ロックを解除しました。再度ログインしてください。';
    await staff.page.getByLabel('回答の本文').fill(reply);
    await staff.page.getByRole('button', { name: '回答を送って完了にする' }).click();
    await staff.page.getByRole('status').getByText('回答をメールで送り').waitFor();
    await staff.page.getByText('完了', { exact: true }).first().waitFor();
    await world.smtp.waitForMail(
      (m) => m.to.includes(customer.email) && m.text.includes(reply),
      `the reply to ${customer.email}`,
    );

    // The customer logs in with the app's code.
    await logInThroughPage(page, customer.userId, customer.password);
    await page.getByRole('heading', { name: '認証コードの入力' }).waitFor();
    await page.getByLabel('認証コード', { exact: true }).fill(clock.codeFor(secret));
    await page.getByRole('button', { name: '認証する' }).click();
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    expect(errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });

  it('shows staff the account search and account page, failed mails, and the withdrawal requests with completion', async () => {
    const customer = await aRegisteredAccount(world.t).register();
    const leaver = await aRegisteredAccount(world.t).loggedIn();
    await requestWithdrawal(world.t, leaver);
    const staff = await staffPage();
    // The registration reaches the audit trail asynchronously (outbox → audit).
    await waitFor(
      async () => {
        const { body } = await world.t
          .http()
          .get(`/api/v1/admin/accounts/${customer.userId}/audit`)
          .set(staff.auth)
          .expect(200);
        return (body.items as unknown[]).length > 0;
      },
      { what: 'the registration in the audit trail' },
    );
    await staff.page.goto('/console/accounts');
    await staff.page.getByRole('heading', { name: 'アカウント検索', level: 1 }).waitFor();
    await staff.page.getByLabel('検索語').fill(customer.userId);
    await staff.page.getByRole('button', { name: '検索する' }).click();
    await staff.page.getByRole('link', { name: customer.userId, exact: true }).click();
    await staff.page
      .getByRole('heading', { name: `アカウント ${customer.userId}`, level: 1 })
      .waitFor();
    await staff.page
      .getByRole('region', { name: '監査ログ' })
      .getByText('accounts.account-registered')
      .waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-account');

    // Ending all sessions asks for a reason first.
    await staff.page.getByRole('button', { name: 'すべてのセッションを終了する' }).click();
    const dialog = staff.page.getByRole('dialog', { name: 'すべてのセッションを終了する' });
    await dialog.getByRole('button', { name: '実行する' }).click();
    await dialog.locator('.field__error').waitFor();
    await dialog.getByLabel('理由').fill('本人から端末紛失の連絡');
    await dialog.getByRole('button', { name: '実行する' }).click();
    await staff.page.getByRole('status').getByText('セッションを終了しました。').waitFor();

    await staff.page.getByRole('link', { name: '退会申請' }).click();
    await staff.page.getByRole('heading', { name: '退会申請', level: 1 }).waitFor();
    const leaving = staff.page
      .locator('.console-list__item')
      .filter({ has: staff.page.getByRole('link', { name: leaver.userId, exact: true }) });
    await leaving.waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-withdrawals');
    await leaving.getByRole('button', { name: '退会を完了する' }).click();
    const complete = staff.page.getByRole('dialog', { name: '退会を完了する' });
    await complete.getByLabel('理由').fill('退会申請の確認済み');
    await complete.getByRole('button', { name: '実行する' }).click();
    await staff.page
      .getByRole('status')
      .filter({ hasText: '退会を完了しました。' })
      .getByText(leaver.userId)
      .waitFor();
    await leaving.waitFor({ state: 'detached' });
    await staff.page.getByRole('link', { name: '送信できなかったメール' }).click();
    await staff.page.getByRole('heading', { name: '送信できなかったメール', level: 1 }).waitFor();
    await staff.page.getByText('送信できなかったメールはありません。').waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-failed-mails');
    await staff.page.getByRole('link', { name: '退会申請' }).click();
    await staff.page.getByRole('heading', { name: '退会申請', level: 1 }).waitFor();
    await staff.page.getByRole('button', { name: 'Switch to English' }).click();
    await staff.page.getByRole('heading', { name: 'Withdrawal requests', level: 1 }).waitFor();
    await staff.page.getByRole('link', { name: 'Account search' }).waitFor();
    expect(staff.errors).toEqual([]);
  });

  it('refuses a customer session at /console and shows no data', async () => {
    const customer = await aRegisteredAccount(world.t).register();
    const { page, errors } = await world.newPage();
    await logInThroughPage(page, customer.userId, customer.password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await page.goto('/console');
    await page.getByRole('alert').getByText('サポート担当者・管理者専用').waitFor();
    expect(
      await page.getByRole('navigation', { name: 'サポートコンソールのメニュー' }).count(),
    ).toBe(0);
    expect(await page.locator('.console-list').count()).toBe(0);
    await expectAccessibleAtBothWidths(page, 'console-refused');
    expect(errors).toEqual([]);
  });
});

import { aRegisteredAccount, aStaffMember } from '@test/support/builders/accounts';
import { aWrongCode, enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import {
  focusedElement,
  saveScreenshot,
  seriousAccessibilityViolations,
  startBrowserWorld,
  PHONE,
} from '@test/support/browser';
import type { BrowserWorld } from '@test/support/browser';
import { waitFor } from '@test/support/wait-for';
import type { Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../web/src/api/error-messages';

const API = '/api/v1';

/** The login's other steps and states, the keyboard, and the language switch, in Chromium. */
describe('the login pages in Chromium', () => {
  let world: BrowserWorld;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    world = await startBrowserWorld();
    clock = new TwoFactorTestClock(world.t);
  });

  afterAll(() => world?.close());

  async function expectAccessible(page: Page, name: string): Promise<void> {
    expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
    await saveScreenshot(page, name);
  }

  async function submitLogin(page: Page, userId: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('ユーザID', { exact: true }).fill(userId);
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  }

  it('logs in with the keyboard alone: Tab to the skip link, Enter, Tab through the fields, Enter', async () => {
    const account = await aRegisteredAccount(world.t).register();
    const { page, errors } = await world.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { name: 'ログイン', exact: true }).waitFor();

    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('a:本文へ移動');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('input:ユーザID');
    await page.keyboard.type(account.userId);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('input:パスワード');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    // The new page's heading has the focus, so the next Tab starts in the page, not at the top.
    expect(await focusedElement(page)).toBe('h1:マイページ');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('button:ログアウト');
    expect(errors).toEqual([]);
  });

  it('shows the FAQ hints on a failed login, and switches to English, remembered across visits', async () => {
    const account = await aRegisteredAccount(world.t).register();
    const { page, errors } = await world.newPage(PHONE);
    await submitLogin(page, account.userId, `${account.password}x`);
    const alert = page.getByRole('alert');
    await alert.getByText(ERROR_MESSAGES.INVALID_CREDENTIALS.ja).waitFor();
    await alert.getByText('入力モードが全角文字になっていないか').waitFor();
    await page.getByRole('link', { name: /ユーザID照会/ }).waitFor();
    await page.getByRole('link', { name: /パスワード再発行/ }).waitFor();
    await expectAccessible(page, 'login-failed');

    // Full-width input is pointed out the moment it is typed.
    await page.getByLabel('ユーザID', { exact: true }).fill('ｙａｍａｄａ０１');
    await page.getByText('全角文字が入力されています').waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await alert.getByText(ERROR_MESSAGES.INVALID_CREDENTIALS.en).waitFor();
    await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Log in', exact: true }).waitFor();

    // The links lead to the recovery pages' routes.
    await page.getByRole('link', { name: /password re-issue/ }).click();
    await page.waitForURL('**/recovery/password');
    await page.getByRole('heading', { name: 'Password re-issue' }).waitFor();
    await expectAccessible(page, 'recovery-password-placeholder');
    await page.getByRole('button', { name: '日本語に切り替える' }).click();
    await page.getByRole('heading', { name: 'パスワード再発行' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('names the field a registration error concerns, in the chosen language', async () => {
    const taken = await aRegisteredAccount(world.t).register();
    const { page } = await world.newPage();
    await page.goto('/register');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('radio', { name: /Corporate/ }).check();
    await page.getByRole('button', { name: 'Register with this type' }).click();
    const userId = page.getByLabel('User ID', { exact: true });
    await userId.fill(taken.userId);
    await page.getByText('This user ID is already registered.', { exact: false }).waitFor();
    await page.getByLabel('Password', { exact: true }).fill('Kx7mQ2pLw9');
    await page.getByLabel('E-mail address', { exact: true }).fill('corp@example.jp');
    await page.getByLabel('Name', { exact: true }).fill('山田 太郎');
    await page.getByLabel('Name in kana', { exact: true }).fill('ヤマダ タロウ');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('alert').waitFor();
    // The company name this type needs and the taken ID: each message is tied to its field.
    const companyName = page.getByLabel('Company name', { exact: true });
    await waitFor(async () => (await companyName.getAttribute('aria-invalid')) === 'true', {
      what: 'the company name marked invalid',
    });
    const description = async (field: typeof userId) => {
      const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
      return texts.join(' ');
    };
    expect(await description(companyName)).toContain(ERROR_MESSAGES.PROFILE_INVALID.en);
    await expectAccessible(page, 'register-errors');
  });

  it('forces a new password after a temporary one, then asks for the renewal confirmation', async () => {
    const account = await aRegisteredAccount(world.t).register();
    await world.t
      .http()
      .post(`${API}/recovery/password`)
      .send({ userId: account.userId, email: account.email })
      .expect(202);
    const mail = await world.smtp.waitForMail(
      (m) => m.to.includes(account.email) && m.subject.includes('仮パスワード'),
    );
    const temporary = /(?:仮パスワード): ([A-Za-z0-9]+)/.exec(mail.text)?.[1] as string;
    const support = await aStaffMember(world.t, 'support').loggedIn();
    await world.t
      .http()
      .post(`${API}/admin/accounts/${account.userId}/renewal`)
      .set(support.auth)
      .expect((res) => expect(res.status).toBeLessThan(300));

    const { page, errors } = await world.newPage();
    await submitLogin(page, account.userId, temporary);
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    await expectAccessible(page, 'login-password-change');
    await page.getByLabel('新しいパスワード', { exact: true }).fill('Nw8pQ3rLx5');
    await page.getByLabel('新しいパスワード(確認)', { exact: true }).fill('Nw8pQ3rLx5');
    await page.getByRole('button', { name: 'パスワードを変更する' }).click();

    await page.getByRole('heading', { name: '登録内容の更新' }).waitFor();
    await page.getByText(account.email).waitFor();
    await expectAccessible(page, 'login-renewal');
    await page.getByRole('button', { name: '確認しました' }).click();
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('points a locked account and a cooled-down user ID to the contact form', async () => {
    const locked = await aRegisteredAccount(world.t).register();
    const { secret } = await enrollTwoFactor(world.t, clock, locked);
    const login = await world.t
      .http()
      .post(`${API}/auth/login`)
      .send({ userId: locked.userId, password: locked.password })
      .expect(200);
    for (let i = 0; i < 5; i += 1)
      await world.t
        .http()
        .post(`${API}/auth/login/two-factor`)
        .send({ challengeToken: login.body.challengeToken, code: aWrongCode(clock, secret) });

    const { page } = await world.newPage();
    await submitLogin(page, locked.userId, locked.password);
    await page.getByRole('alert').getByText(ERROR_MESSAGES.ACCOUNT_LOCKED.ja).waitFor();
    await expectAccessible(page, 'login-locked');
    await page.getByRole('link', { name: 'お問い合わせフォームへ' }).click();
    await page.getByRole('heading', { name: 'お問い合わせフォーム' }).waitFor();

    const cooled = await aRegisteredAccount(world.t).register();
    for (let i = 0; i < 10; i += 1)
      await world.t
        .http()
        .post(`${API}/auth/login`)
        .send({ userId: cooled.userId, password: 'Wrong0pass' });
    await submitLogin(page, cooled.userId, cooled.password);
    await page
      .getByRole('alert')
      .getByText('しばらくの間ログインできません', { exact: false })
      .waitFor();
    await page.getByRole('alert').getByRole('link', { name: 'お問い合わせフォームへ' }).waitFor();
    await expectAccessible(page, 'login-cooldown');
  });
});

import { aPassword, aRegisteredAccount, aUserId } from '@test/support/builders/accounts';
import { startBrowserWorld } from '@test/support/browser';
import type { BrowserWorld } from '@test/support/browser';
import {
  expectAccessibleAtBothWidths,
  logInThroughPage,
  mailedSecret,
  setNewPasswordThroughPage,
} from '@test/support/browser-pages';
import type { Page } from 'playwright-core';

/**
 * The FAQ's "forgot both": user-ID lookup (ユーザID照会用パスワード発行, then the lookup password
 * from the mail), then password re-issue, the temporary password from the mail, the forced
 * password change and My Page — done in Chromium as a person does it.
 */
describe('the recovery pages in Chromium', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });

  afterAll(() => world?.close());

  const forgotBoth = (page: Page) =>
    page
      .getByRole('navigation', { name: 'ユーザID・パスワードの両方をお忘れの方' })
      .getByText('「ユーザID照会」、「パスワード再発行」の順でご確認ください')
      .waitFor();

  it('looks up the user ID with the mailed lookup password, re-issues the password, and logs in', async () => {
    const account = await aRegisteredAccount(world.t).register();
    const { page, errors } = await world.newPage();

    // From the login page's help link to the lookup, which tells the "forgot both" order.
    await page.goto('/login');
    await page.getByRole('link', { name: /ユーザID照会/ }).click();
    await page.getByRole('heading', { name: 'ユーザID照会', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'ユーザID照会用パスワード発行' }).waitFor();
    await forgotBoth(page);
    await expectAccessibleAtBothWidths(page, 'recovery-user-id-request');
    await page.getByLabel('E-mailアドレス', { exact: true }).fill(account.email);
    await page.getByRole('button', { name: '照会用パスワードを発行する' }).click();

    await page.getByRole('heading', { name: 'ユーザIDの照会' }).waitFor();
    await page.getByRole('status').getByText('照会用パスワードをメールでお送りしました').waitFor();
    const lookupPassword = await mailedSecret(world.smtp, account.email, '照会用パスワード');
    // The address carries over; a wrong lookup password is named at its field.
    expect(await page.getByLabel('E-mailアドレス', { exact: true }).inputValue()).toBe(
      account.email,
    );
    await page.getByLabel('照会用パスワード', { exact: true }).fill(`${lookupPassword}x`);
    await page.getByRole('button', { name: 'ユーザIDを表示する' }).click();
    await page.getByRole('alert').getByText('照会用パスワードに誤りがあるか').waitFor();
    await expectAccessibleAtBothWidths(page, 'recovery-user-id-lookup');
    await page.getByLabel('照会用パスワード', { exact: true }).fill(lookupPassword);
    await page.getByRole('button', { name: 'ユーザIDを表示する' }).click();

    await page.getByRole('heading', { name: '照会結果' }).waitFor();
    const ids = page.getByRole('list', { name: '登録されているユーザID' }).getByRole('listitem');
    expect(await ids.allTextContents()).toEqual([account.userId]);
    await expectAccessibleAtBothWidths(page, 'recovery-user-id-result');

    // Then the re-issue, the address already filled in.
    await page.getByRole('link', { name: /続けてパスワード再発行へ/ }).click();
    await page.getByRole('heading', { name: 'パスワード再発行', exact: true }).waitFor();
    await forgotBoth(page);
    expect(await page.getByLabel('E-mailアドレス', { exact: true }).inputValue()).toBe(
      account.email,
    );
    await page.getByLabel('ユーザID', { exact: true }).fill(account.userId);
    await expectAccessibleAtBothWidths(page, 'recovery-password');
    await page.getByRole('button', { name: '仮パスワードを発行する' }).click();
    await page.getByRole('status').getByText('仮パスワードをメールでお送りしました').waitFor();
    await expectAccessibleAtBothWidths(page, 'recovery-password-sent');
    const temporary = await mailedSecret(world.smtp, account.email, '仮パスワード');

    // The temporary password logs in, forces a new password, and My Page follows.
    await page.getByRole('link', { name: 'ログインページへ' }).first().click();
    await logInThroughPage(page, account.userId, temporary);
    const password = aPassword();
    await setNewPasswordThroughPage(page, password);
    await page.getByText(account.email).first().waitFor();
    expect(errors).toEqual([]);
  });

  it('says the same thing whether or not the address or the user ID is registered', async () => {
    const account = await aRegisteredAccount(world.t).register();
    const { page, errors } = await world.newPage();
    const answerTo = async (email: string): Promise<string> => {
      await page.goto('/recovery/user-id');
      await page.getByLabel('E-mailアドレス', { exact: true }).fill(email);
      await page.getByRole('button', { name: '照会用パスワードを発行する' }).click();
      return (await page.getByRole('status').first().textContent()) ?? '';
    };
    const known = await answerTo(account.email);
    expect(await answerTo(`${aUserId('nobody')}@example.jp`)).toBe(known);

    const reissue = async (userId: string): Promise<string> => {
      await page.goto('/recovery/password');
      await page.getByLabel('ユーザID', { exact: true }).fill(userId);
      await page.getByLabel('E-mailアドレス', { exact: true }).fill(account.email);
      await page.getByRole('button', { name: '仮パスワードを発行する' }).click();
      return (await page.getByRole('status').first().textContent()) ?? '';
    };
    const matching = await reissue(account.userId);
    expect(await reissue(aUserId('nobody'))).toBe(matching);

    // In English too, the page tells the FAQ's order.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Password re-issue' }).waitFor();
    await page.getByText('Forgot both your user ID and your password?').waitFor();
    expect(errors).toEqual([]);
  });
});

import { aPassword, aRegisteredAccount, aUserId } from '@test/support/builders/accounts';
import { enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { focusedElement, startBrowserWorld } from '@test/support/browser';
import type { BrowserWorld } from '@test/support/browser';
import { expectAccessibleAtBothWidths, logInThroughPage } from '@test/support/browser-pages';
import type { Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../web/src/api/error-messages';

/** My Page's own sections in Chromium: profile, e-mail, password, sessions, recovery codes, withdrawal. */
describe('My Page in Chromium', () => {
  let world: BrowserWorld;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    world = await startBrowserWorld();
    clock = new TwoFactorTestClock(world.t);
  });

  afterAll(() => world?.close());

  const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  it('changes the profile and the e-mail address (with the current password), ends another session, changes the password and applies for withdrawal', async () => {
    const account = await aRegisteredAccount(world.t).register();
    const { page, errors } = await world.newPage();
    const other = await world.newPage();
    await logInThroughPage(other.page, account.userId, account.password);
    await other.page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await logInThroughPage(page, account.userId, account.password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await section(page, 'ログイン中の端末').waitFor();
    await expectAccessibleAtBothWidths(page, 'my-page-sections');

    // Profile: the name and the language of the mails.
    const profile = section(page, 'プロフィール変更');
    await profile.getByRole('button', { name: 'プロフィールを変更する' }).click();
    await profile.getByLabel('氏名', { exact: true }).fill('山田 花子');
    await profile.getByLabel('メールの言語').selectOption('en');
    await expectAccessibleAtBothWidths(page, 'my-page-profile');
    await profile.getByRole('button', { name: '変更を保存する' }).click();
    await profile.getByRole('status').getByText('プロフィールを変更しました。').waitFor();
    await page.locator('.summary').first().getByText('山田 花子').waitFor();

    // E-mail address, opened with the keyboard; a wrong current password is named at its field.
    const email = section(page, 'E-mailアドレスの変更');
    await email.getByRole('button', { name: 'E-mailアドレスを変更する' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('input:新しいE-mailアドレス');
    const newEmail = `${aUserId('new')}@example.jp`;
    await page.keyboard.type(newEmail);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('input:現在のパスワード');
    await page.keyboard.type(`${account.password}x`);
    await page.keyboard.press('Enter');
    const passwordField = email.getByLabel('現在のパスワード', { exact: true });
    await email.getByText(ERROR_MESSAGES.CURRENT_PASSWORD_INCORRECT.ja).waitFor();
    expect(await passwordField.getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBothWidths(page, 'my-page-email-error');
    await passwordField.fill(account.password);
    await email.getByRole('button', { name: '新しいE-mailアドレスに変更する' }).click();
    await email.getByRole('status').getByText('E-mailアドレスを変更しました。').waitFor();
    await page.locator('.summary').first().getByText(newEmail).waitFor();
    await world.smtp.waitForMail(
      (m) => m.to.includes(account.email) && m.subject.includes('Your e-mail address was changed'),
      'the notice to the old address (in English, as now chosen)',
    );

    // Sessions: this one and the other browser's; "log out this one" ends the other.
    const sessions = section(page, 'ログイン中の端末');
    const items = sessions
      .getByRole('list', { name: 'ログイン中のセッション' })
      .getByRole('listitem');
    expect(await items.count()).toBe(2);
    await sessions.getByRole('heading', { name: 'この端末(現在のセッション)' }).waitFor();
    await items
      .filter({ hasText: '他の端末' })
      .getByRole('button', { name: 'この端末のログインを終了する' })
      .click();
    await sessions
      .getByRole('status')
      .getByText('選択した端末のログインを終了しました。')
      .waitFor();
    await sessions.getByRole('heading', { name: '他の端末' }).waitFor({ state: 'detached' });
    expect(await items.count()).toBe(1);
    await other.page.goto('/mypage');
    await other.page.getByRole('heading', { name: 'ログイン', exact: true }).waitFor();

    // Password change.
    const password = section(page, 'パスワードの変更');
    await password.getByRole('button', { name: 'パスワードを変更する' }).click();
    const newPassword = aPassword();
    await password.getByLabel('現在のパスワード', { exact: true }).fill(account.password);
    await password.getByLabel('新しいパスワード', { exact: true }).fill(newPassword);
    await password.getByLabel('新しいパスワード(確認)', { exact: true }).fill(newPassword);
    await password.getByRole('button', { name: '新しいパスワードを保存する' }).click();
    await password.getByRole('status').getByText('パスワードを変更しました。').waitFor();

    // Withdrawal: the FAQ's explanation, then the application with the password.
    const withdrawal = section(page, '退会のお申込み(ユーザIDの削除)');
    await withdrawal.getByText('再度ユーザ登録が必要となります').waitFor();
    await withdrawal.getByRole('button', { name: '退会を申し込む' }).click();
    await withdrawal.getByLabel('現在のパスワード', { exact: true }).fill(newPassword);
    await withdrawal.getByLabel('退会の理由').fill('法人ユーザとして登録し直すため');
    await expectAccessibleAtBothWidths(page, 'my-page-withdrawal');
    await withdrawal.getByRole('button', { name: 'ユーザIDの削除を依頼する' }).click();
    await withdrawal.getByRole('status').getByText('退会のお申込みを受け付けました。').waitFor();
    await withdrawal.getByRole('button', { name: '退会を申し込む' }).waitFor({ state: 'detached' });
    await page.reload();
    await section(page, '退会のお申込み(ユーザIDの削除)')
      .getByText('退会のお申込みを受け付けています。')
      .waitFor();
    // The same page in English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await section(page, 'Withdrawal (deleting your user ID)')
      .getByText('Your withdrawal request has been received.')
      .waitFor();
    await section(page, 'Devices logged in').waitFor();
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });

  it('issues new recovery codes, shown once, with the password and a current code', async () => {
    const account = await aRegisteredAccount(world.t).register();
    const { secret } = await enrollTwoFactor(world.t, clock, account);
    const { page, errors } = await world.newPage();
    await logInThroughPage(page, account.userId, account.password);
    await page.getByLabel('認証コード', { exact: true }).fill(clock.codeFor(secret));
    await page.getByRole('button', { name: '認証する' }).click();
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();

    const codes = section(page, 'リカバリーコードの再発行');
    await codes.getByText('10', { exact: true }).waitFor();
    await codes.getByRole('button', { name: 'リカバリーコードを再発行する' }).click();
    await codes.getByLabel('現在のパスワード', { exact: true }).fill(account.password);
    clock.nextStep();
    await codes.getByLabel('認証コードまたはリカバリーコード').fill(clock.codeFor(secret));
    await codes.getByRole('button', { name: '新しいリカバリーコードを発行する' }).click();
    const list = codes.getByRole('list', { name: 'リカバリーコードの一覧' }).getByRole('listitem');
    await list.first().waitFor();
    expect(await list.count()).toBe(10);
    await expectAccessibleAtBothWidths(page, 'my-page-recovery-codes');
    await codes.getByRole('button', { name: '保存しました(表示を閉じる)' }).click();
    await list.first().waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });
});

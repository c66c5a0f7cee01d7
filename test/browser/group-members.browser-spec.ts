import { aPassword, aUserId } from '@test/support/builders/accounts';
import { aGroupWithAdministrator } from '@test/support/builders/groups';
import { focusedElement, readQrCodeFromScreen, startBrowserWorld } from '@test/support/browser';
import type { BrowserWorld } from '@test/support/browser';
import {
  expectAccessibleAtBothWidths,
  logInThroughPage,
  mailedSecret,
  setNewPasswordThroughPage,
} from '@test/support/browser-pages';
import type { Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../web/src/api/error-messages';

/**
 * The group administrator's ユーザ情報変更・削除 screen in Chromium: a member registered through the
 * page logs in with the mailed temporary password; two-factor switched on for the member shows the
 * QR code at the member's next login; withdrawal behind an accessible confirmation; administrators
 * appointed, and stepping down refused while no other would remain.
 */
describe('member management in Chromium', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });

  afterAll(() => world?.close());

  const memberCard = (page: Page, userId: string) =>
    page.getByRole('article', { name: new RegExp(userId) });

  async function registerMember(page: Page, userId: string | null, email: string): Promise<string> {
    const section = page.getByRole('region', { name: 'メンバーの登録' });
    await section.getByRole('button', { name: 'メンバーを登録する' }).click();
    if (userId) await section.getByLabel('ユーザID', { exact: true }).fill(userId);
    await section.getByLabel('E-mailアドレス', { exact: true }).fill(email);
    await section.getByLabel('氏名', { exact: true }).fill('田中 一郎');
    await section.getByLabel('氏名(フリガナ)', { exact: true }).fill('タナカ イチロウ');
    if (userId) await expectAccessibleAtBothWidths(page, 'group-members-register');
    await section.getByRole('button', { name: '登録してメールを送る' }).click();
    const notice = section.getByRole('status').filter({ hasText: 'メンバーを登録し' });
    const registered = (await notice.locator('strong').textContent()) ?? '';
    if (userId) expect(registered).toBe(userId);
    await memberCard(page, registered).waitFor();
    return registered;
  }

  it('registers a member who logs in with the mailed temporary password, and switches two-factor on for that member', async () => {
    const administrator = await aGroupWithAdministrator(world.t);
    const { page, errors } = await world.newPage();
    await logInThroughPage(page, administrator.userId, administrator.password);
    await page.getByRole('link', { name: /ユーザ情報変更・削除/ }).click();
    await page.getByRole('heading', { name: 'ユーザ情報変更・削除', level: 1 }).waitFor();
    await page.getByText(administrator.groupName).waitFor();
    await memberCard(page, administrator.userId).getByText('グループ管理者').first().waitFor();
    await expectAccessibleAtBothWidths(page, 'group-members');

    // The member: registered with a chosen ID, logs in with the mail's temporary password.
    const userId = aUserId('m');
    const email = `${userId}@example.jp`;
    await registerMember(page, userId, email);
    const temporary = await mailedSecret(world.smtp, email, '仮パスワード');
    const member = await world.newPage();
    await logInThroughPage(member.page, userId, temporary);
    const password = aPassword();
    await setNewPasswordThroughPage(member.page, password);

    // The administrator switches two-factor on for the member: 「利用する」.
    const card = memberCard(page, userId);
    await card.getByRole('button', { name: /二段階認証を「利用する」にする/ }).click();
    await card.getByRole('status').getByText('二段階認証を「利用する」に変更しました。').waitFor();
    await card
      .getByText('利用する(次回ログイン時にQRコードを表示)(管理者の設定により必須)')
      .waitFor();
    await expectAccessibleAtBothWidths(page, 'group-members-two-factor');

    // The member's next login shows the QR code to scan.
    await member.page.getByRole('button', { name: 'ログアウト' }).click();
    await logInThroughPage(member.page, userId, password);
    await member.page.getByRole('heading', { name: '二段階認証の設定' }).waitFor();
    await member.page.getByRole('img', { name: '認証アプリに登録するためのQRコード' }).waitFor();
    expect(await readQrCodeFromScreen(member.page)).toMatch(/^otpauth:\/\/totp\//);

    // The requirement can be lifted again.
    await card.getByRole('button', { name: /二段階認証の必須設定を解除する/ }).click();
    await card.getByRole('status').getByText('必須設定を解除しました').waitFor();
    await card.getByRole('button', { name: /二段階認証を「利用する」にする/ }).waitFor();
    expect(errors).toEqual([]);
    expect(member.errors).toEqual([]);
  });

  it('withdraws a member after an accessible confirmation, appoints an administrator, and steps down only when another remains', async () => {
    const administrator = await aGroupWithAdministrator(world.t);
    const { page, errors } = await world.newPage();
    await logInThroughPage(page, administrator.userId, administrator.password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await page.goto('/group/members');
    const kept = await registerMember(page, aUserId('k'), `${aUserId('k')}@example.jp`);
    // Left empty, the ID is assigned.
    const leaving = await registerMember(page, null, `${aUserId('l')}@example.jp`);
    expect(leaving).toMatch(/^[A-Za-z0-9]{6,20}$/);

    // Withdrawal asks first, in a modal dialog that starts on "cancel" and closes with Escape.
    const withdraw = memberCard(page, leaving).getByRole('button', { name: /退会させる/ });
    await withdraw.click();
    const dialog = page.getByRole('dialog', { name: 'メンバーの退会' });
    await dialog.getByText(leaving).waitFor();
    expect(await focusedElement(page)).toBe('button:キャンセル');
    await expectAccessibleAtBothWidths(page, 'group-members-withdraw-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedElement(page)).toMatch(/^button:退会させる/);
    await withdraw.click();
    await dialog.getByRole('button', { name: '退会させる' }).click();
    await page.getByRole('status').getByText('メンバーを退会させました。').waitFor();
    await memberCard(page, leaving).waitFor({ state: 'detached' });

    // Stepping down as the only administrator is refused with the API's message.
    const stepDown = page.getByRole('region', { name: 'グループ管理者を辞める' });
    await stepDown.getByRole('button', { name: 'グループ管理者を辞める' }).click();
    await stepDown.getByRole('alert').getByText(ERROR_MESSAGES.LAST_ADMINISTRATOR.ja).waitFor();
    await expectAccessibleAtBothWidths(page, 'group-members-last-administrator');

    // With another administrator appointed, it succeeds.
    const card = memberCard(page, kept);
    await card.getByRole('button', { name: /グループ管理者にする/ }).click();
    await card.getByRole('status').getByText('グループ管理者にしました。').waitFor();
    await card.getByText('グループ管理者', { exact: true }).waitFor();
    await stepDown.getByRole('button', { name: 'グループ管理者を辞める' }).click();
    await page.getByRole('status').getByText('グループ管理者を辞めました。').waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Change or delete users', level: 1 }).waitFor();
    await page.getByText('You are no longer a group administrator.').waitFor();
    expect(errors).toEqual([]);
  });
});

import {
  aPassword,
  aRegisteredAccount,
  aStaffMember,
  aUserId,
} from '@test/support/builders/accounts';
import { aGroupWithAdministrator, aMemberBody, GROUPS } from '@test/support/builders/groups';
import { enrollTwoFactor, TwoFactorTestClock } from '@test/support/builders/two-factor';
import { readQrCodeFromScreen, startBrowserWorld } from '@test/support/browser';
import type { BrowserWorld, PageUnderTest } from '@test/support/browser';
import {
  expectAccessibleAtBothWidths,
  logInThroughPage,
  mailedSecret,
  setNewPasswordThroughPage,
} from '@test/support/browser-pages';
import type { StaffRole } from '@app/platform';
import { ERROR_MESSAGES } from '../../web/src/api/error-messages';

/**
 * More of the support console in Chromium: a paper application registered by staff (the
 * customer logs in with the mailed temporary password), a two-factor reset after a phone change
 * (the customer scans a new QR code), groups and staff roles. Every page is scanned with axe-core.
 */
describe('more of the support console in Chromium', () => {
  let world: BrowserWorld;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    world = await startBrowserWorld();
    clock = new TwoFactorTestClock(world.t);
  });

  afterAll(() => world?.close());

  /** A browser profile holding a staff member's session cookie. */
  async function staffPage(
    ...roles: StaffRole[]
  ): Promise<PageUnderTest & { auth: { Authorization: string }; userId: string }> {
    const granted: StaffRole[] = roles.length > 0 ? roles : ['support'];
    const staff = await aStaffMember(world.t, ...granted).loggedIn();
    const opened = await world.newPage();
    await opened.context.addCookies([
      { name: 'session', value: staff.sessionToken, url: world.baseUrl, httpOnly: true },
    ]);
    return { ...opened, auth: staff.auth, userId: staff.userId };
  }

  it('registers a paper application; the customer logs in with the mailed temporary password and sets a new one', async () => {
    const staff = await staffPage();
    await staff.page.goto('/console');
    await staff.page.getByRole('link', { name: '申込書から登録' }).click();
    await staff.page.getByRole('heading', { name: '申込書からの登録', level: 1 }).waitFor();
    await staff.page.getByRole('button', { name: '登録する' }).click();
    await staff.page.locator('.field__error').first().waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-register-errors');

    const email = `${aUserId('paper')}@example.jp`;
    await staff.page.getByLabel('ユーザの種別').selectOption({ label: '個人' });
    await staff.page.getByLabel('E-mailアドレス', { exact: true }).fill(email);
    await staff.page.getByLabel('氏名', { exact: true }).fill('紙野 申子');
    await staff.page.getByLabel('氏名(フリガナ)', { exact: true }).fill('カミノ シンコ');
    await staff.page.getByRole('button', { name: '登録する' }).click();
    await staff.page.getByRole('heading', { name: '登録しました', level: 1 }).waitFor();
    await staff.page
      .getByRole('status')
      .getByText('仮パスワードはこの画面には表示されません')
      .waitFor();
    const userId = (await staff.page
      .locator('.summary__row')
      .filter({ hasText: 'ユーザID' })
      .locator('dd')
      .textContent()) as string;
    expect(userId).toMatch(/^[0-9a-z]{6,20}$/);
    await expectAccessibleAtBothWidths(staff.page, 'console-register-done');

    const temporary = await mailedSecret(world.smtp, email, '仮パスワード');
    expect(await staff.page.getByText(temporary).count()).toBe(0);
    const { page, errors } = await world.newPage();
    await logInThroughPage(page, userId, temporary);
    await setNewPasswordThroughPage(page, aPassword());
    await page.getByText(email).waitFor();
    expect(errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });

  it('resets two-factor after a phone change: the customer scans a new QR code at the next login', async () => {
    const customer = await aRegisteredAccount(world.t).register();
    const { secret: oldSecret } = await enrollTwoFactor(world.t, clock, customer);
    const staff = await staffPage();
    await staff.page.goto(`/console/accounts/${customer.userId}`);
    await staff.page
      .getByRole('heading', { name: `アカウント ${customer.userId}`, level: 1 })
      .waitFor();
    await staff.page.getByRole('button', { name: '二段階認証をリセットする' }).click();
    const dialog = staff.page.getByRole('dialog', { name: '二段階認証をリセットする' });
    await dialog.getByLabel('理由').fill('機種変更のため本人から電話で依頼');
    await dialog.getByRole('button', { name: '実行する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.page.getByRole('status').getByText('二段階認証をリセットしました。').waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-two-factor-reset');

    const { page, errors } = await world.newPage();
    await logInThroughPage(page, customer.userId, customer.password);
    await page.getByRole('heading', { name: '二段階認証の設定' }).waitFor();
    await page.getByRole('img', { name: '認証アプリに登録するためのQRコード' }).waitFor();
    const scanned = await readQrCodeFromScreen(page);
    expect(scanned).toMatch(/^otpauth:\/\/totp\//);
    const secret = new URL(scanned as string).searchParams.get('secret') as string;
    expect(secret).not.toBe(oldSecret);
    await expectAccessibleAtBothWidths(page, 'login-re-enrollment');
    await page.getByLabel('認証アプリに表示された認証コード(6桁)').fill(clock.codeFor(secret));
    await page.getByRole('button', { name: '設定を完了する' }).click();
    await page.getByRole('heading', { name: 'リカバリーコード' }).waitFor();
    await page.getByLabel('リカバリーコードを保存しました').check();
    await page.getByRole('button', { name: 'マイページへ進む' }).click();
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    expect(errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });
  it('shows a group from the account page and makes a member its administrator after a confirmation', async () => {
    const administrator = await aGroupWithAdministrator(world.t);
    const member = aMemberBody();
    await world.t.http().post(`${GROUPS}/members`).set(administrator.auth).send(member).expect(201);
    const staff = await staffPage();
    await staff.page.goto(`/console/accounts/${administrator.userId}`);
    await staff.page
      .getByRole('heading', { name: `アカウント ${administrator.userId}`, level: 1 })
      .waitFor();
    await staff.page.getByRole('link', { name: 'グループを表示する' }).click();
    await staff.page
      .getByRole('heading', { name: `グループ ${administrator.groupName}`, level: 1 })
      .waitFor();
    const administrators = staff.page.getByRole('region', { name: '管理者' });
    await administrators.getByRole('link', { name: administrator.userId, exact: true }).waitFor();
    const members = staff.page.getByRole('region', { name: 'メンバー' });
    await members.getByRole('link', { name: member.userId, exact: true }).waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-group');

    await members.getByRole('button', { name: `管理者にする: ${member.userId}` }).click();
    const dialog = staff.page.getByRole('dialog', { name: '管理者にする' });
    await dialog.getByText(member.userId).waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-group-appoint');
    await dialog.getByRole('button', { name: '実行する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.page.getByRole('status').getByText('管理者を変更しました。').waitFor();
    await administrators.getByRole('link', { name: member.userId, exact: true }).waitFor();
    await administrators
      .getByRole('link', { name: administrator.userId, exact: true })
      .waitFor({ state: 'detached' });
    expect(staff.errors).toEqual([]);
  });
  it('lets an administrator grant and revoke staff roles, and shows the refusal for the last administrator', async () => {
    const customer = await aRegisteredAccount(world.t).register();
    const admin = await staffPage('admin');
    await admin.page.goto(`/console/accounts/${customer.userId}`);
    await admin.page
      .getByRole('heading', { name: `アカウント ${customer.userId}`, level: 1 })
      .waitFor();
    const roles = admin.page.getByRole('region', { name: 'スタッフ権限' });
    await roles.getByText('現在の権限: なし').waitFor();
    await expectAccessibleAtBothWidths(admin.page, 'console-staff-roles');
    await roles.getByRole('button', { name: 'サポート担当者: 権限を付与する' }).click();
    await roles.getByText('現在の権限: サポート担当者').waitFor();
    await roles.getByRole('status').getByText('権限を変更しました。').waitFor();
    await roles.getByRole('button', { name: '管理者: 権限を付与する' }).click();
    await roles.getByText('現在の権限: サポート担当者、管理者').waitFor();
    await roles.getByRole('button', { name: '管理者: 権限を外す' }).click();
    await roles.getByText('現在の権限: サポート担当者', { exact: true }).waitFor();
    await roles.getByRole('button', { name: 'サポート担当者: 権限を外す' }).click();
    await roles.getByText('現在の権限: なし').waitFor();

    // The only administrator cannot lose the role: the API's refusal is shown.
    await admin.page.goto(`/console/accounts/${admin.userId}`);
    await admin.page
      .getByRole('heading', { name: `アカウント ${admin.userId}`, level: 1 })
      .waitFor();
    await roles.getByRole('button', { name: '管理者: 権限を外す' }).click();
    await roles.getByText(ERROR_MESSAGES.LAST_ADMIN_ROLE.ja).waitFor();
    await roles.getByText('現在の権限: 管理者').waitFor();
    await expectAccessibleAtBothWidths(admin.page, 'console-staff-roles-refused');
    expect(admin.errors).toEqual([]);
  });
});

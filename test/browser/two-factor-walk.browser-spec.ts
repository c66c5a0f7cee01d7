import { TwoFactorTestClock } from '@test/support/builders/two-factor';
import { aPassword, aUserId } from '@test/support/builders/accounts';
import {
  DESKTOP,
  PHONE,
  readQrCodeFromScreen,
  saveScreenshot,
  seriousAccessibilityViolations,
  startBrowserWorld,
} from '@test/support/browser';
import type { BrowserWorld, PageUnderTest } from '@test/support/browser';
import type { Page } from 'playwright-core';

/**
 * The FAQ's two-factor walk, done as a person does it in the browser: register, log in, switch
 * two-factor on in My Page, log in again, scan the QR code (read from the screen's pixels), type
 * the app's code, keep the recovery codes, and find that every later login asks for a code.
 * Every page on the way is scanned with axe-core and photographed at phone and desktop width.
 */
describe('the FAQ two-factor walk in Chromium', () => {
  let world: BrowserWorld;
  let clock: TwoFactorTestClock;

  beforeAll(async () => {
    world = await startBrowserWorld();
    clock = new TwoFactorTestClock(world.t);
  });

  afterAll(() => world?.close());

  async function checkPage(page: Page, name: string): Promise<void> {
    expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
    await saveScreenshot(page, name);
    const viewport = page.viewportSize();
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, name);
    if (viewport) await page.setViewportSize(viewport);
  }

  async function logIn(page: Page, userId: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByLabel('ユーザID', { exact: true }).fill(userId);
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  }

  async function logOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByText('ログアウトしました。').waitFor();
  }

  it('registers, switches two-factor on, enrolls from the QR code on screen, and is asked for a code from then on', async () => {
    const { page, errors }: PageUnderTest = await world.newPage(DESKTOP);
    const userId = aUserId('web');
    const password = aPassword();
    const email = `${userId}@example.jp`;

    // Registration: the type first, with the note that it never changes.
    await page.goto('/register');
    await page.getByRole('heading', { name: 'ユーザ登録' }).waitFor();
    await page.getByText('種別(個人・法人・グループ)は登録後に変更できません').waitFor();
    await checkPage(page, 'register-type');
    await page.getByRole('radio', { name: /個人/ }).check();
    await page.getByRole('button', { name: 'この種別で登録する' }).click();

    // A full-width character is pointed out while typing; the ID is checked while typing.
    const userIdField = page.getByLabel('ユーザID', { exact: true });
    await userIdField.fill('ｙａｍａｄａ');
    await page.getByText('全角文字が入力されています').first().waitFor();
    await userIdField.fill(userId);
    await page.getByText('このユーザIDは利用できます。').waitFor();
    await page.getByLabel('パスワード', { exact: true }).fill(password);
    await page.getByLabel('E-mailアドレス', { exact: true }).fill(email);
    await page.getByLabel('氏名', { exact: true }).fill('山田 太郎');
    await page.getByLabel('氏名(フリガナ)', { exact: true }).fill('ヤマダ タロウ');
    await checkPage(page, 'register-details');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: 'ユーザ登録が完了しました' }).waitFor();
    await page.getByText(userId, { exact: true }).waitFor();
    await checkPage(page, 'register-done');

    // The first login asks for no code and lands on My Page.
    await page.getByRole('link', { name: 'ログインページへ' }).click();
    await page.getByRole('heading', { name: 'ログイン', exact: true }).waitFor();
    await checkPage(page, 'login');
    await logIn(page, userId, password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await page.getByText(email).waitFor();

    // My Page: 二段階認証を「利用する」, effective at the next login.
    await page
      .getByText('次回ログイン時にQRコードが表示されます', { exact: false })
      .first()
      .waitFor();
    await page.getByLabel('現在のパスワード', { exact: true }).fill(password);
    await page.getByRole('button', { name: '二段階認証を利用する' }).click();
    await page.getByRole('status').filter({ hasText: '「利用する」に変更しました' }).waitFor();
    await checkPage(page, 'my-page');
    await world.smtp.waitForMail(
      (m) => m.to.includes(email) && m.subject.includes('二段階認証の利用を開始しました'),
    );
    await logOut(page);

    // The next login shows the QR code: scanned from the screen, as the phone would.
    await logIn(page, userId, password);
    await page.getByRole('heading', { name: '二段階認証の設定' }).waitFor();
    await page.getByText('Microsoft Authenticator、Google Authenticator').waitFor();
    await page.getByRole('img', { name: '認証アプリに登録するためのQRコード' }).waitFor();
    const scanned = await readQrCodeFromScreen(page);
    expect(scanned).toMatch(/^otpauth:\/\/totp\//);
    const secret = new URL(scanned as string).searchParams.get('secret') as string;
    // The key for manual entry is the same secret, grouped for reading.
    await page.getByText(secret.replace(/(.{4})(?=.)/g, '$1 ')).waitFor();
    await checkPage(page, 'login-enrollment');
    await page.getByLabel('認証アプリに表示された認証コード(6桁)').fill(clock.codeFor(secret));
    await page.getByRole('button', { name: '設定を完了する' }).click();

    // The recovery codes, shown once; going on needs the confirmation that they were saved.
    await page.getByRole('heading', { name: 'リカバリーコード' }).waitFor();
    const codes = page.getByRole('list', { name: 'リカバリーコードの一覧' }).getByRole('listitem');
    expect(await codes.count()).toBe(10);
    const next = page.getByRole('button', { name: 'マイページへ進む' });
    expect(await next.isDisabled()).toBe(true);
    await checkPage(page, 'login-recovery-codes');
    await page.getByLabel('リカバリーコードを保存しました').check();
    await next.click();
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await logOut(page);

    // From now on, every login asks for the code.
    clock.nextStep();
    await logIn(page, userId, password);
    await page.getByRole('heading', { name: '認証コードの入力' }).waitFor();
    await checkPage(page, 'login-code');
    await page.getByLabel('認証コード', { exact: true }).fill(clock.codeFor(secret));
    await page.getByRole('button', { name: '認証する' }).click();
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();

    expect(errors).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  aPassword,
  aRegisteredAccount,
  aStaffMember,
  aUserId,
} from '@test/support/builders/accounts';
import { startBrowserWorld } from '@test/support/browser';
import { anOpenSession, MY_APPLICATIONS } from '@test/support/builders/enrollments';
import { aGroupWithAdministrator, aMemberOf } from '@test/support/builders/groups';
import type { BrowserWorld, PageUnderTest } from '@test/support/browser';
import {
  expectAccessibleAtBothWidths,
  logInThroughPage,
  mailedSecret,
  setNewPasswordThroughPage,
} from '@test/support/browser-pages';
import type { Locator, Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../web/src/api/error-messages';

/**
 * The enrollments pages in Chromium (issue 15): staff schedule and open a session; a corporate
 * account applies for two of its staff; staff confirm them (the ticket downloads as a PDF) and
 * record their completion (the certificate downloads, and its number verifies on the public
 * page); a paper application for a person without an ID registers them, and they log in with the
 * mailed temporary password. Every page is scanned with axe-core at both widths.
 */
describe('the enrollments pages in Chromium', () => {
  let world: BrowserWorld;

  beforeAll(async () => {
    world = await startBrowserWorld();
  });

  afterAll(() => world?.close());

  /** A calendar date `days` from today in Japan time, as a date input takes it. */
  function japanDate(days: number): string {
    const tokyo = new Date(Date.now() + 9 * 3600_000 + days * 86400_000);
    return tokyo.toISOString().slice(0, 10);
  }

  async function staffPage(): Promise<PageUnderTest> {
    const staff = await aStaffMember(world.t, 'support').loggedIn();
    const opened = await world.newPage();
    await opened.context.addCookies([
      { name: 'session', value: staff.sessionToken, url: world.baseUrl, httpOnly: true },
    ]);
    return opened;
  }

  /** Creates a classroom course with one open session through the console; answers its code. */
  async function scheduleOpenSession(page: Page, title: string, venue: string): Promise<string> {
    const code = `C${aUserId('').slice(0, 10)}`.toUpperCase();
    await page.goto('/console');
    await page.getByRole('link', { name: '講習会・開催回' }).click();
    await page.getByRole('heading', { name: '講習会・開催回', level: 1 }).waitFor();
    const create = page.getByRole('region', { name: '講習会を登録する' });
    await create.getByRole('button', { name: '講習会を登録する' }).click();
    await create.getByLabel('講習コード').fill(code);
    await create.getByLabel('講習名').fill(title);
    await create.getByLabel('受講形態').selectOption({ label: '会場受講' });
    await create.getByLabel('インターネットQAの対象にする').check();
    await create.getByRole('button', { name: '登録する', exact: true }).click();
    await page.getByRole('status').getByText(`講習会を登録しました: ${code}`).waitFor();

    const course = page.getByRole('region', { name: `${code} ${title}` });
    await course.getByRole('button', { name: `開催回を追加する: ${code}` }).click();
    await course.getByLabel('開催日').fill(japanDate(30));
    await course.getByLabel('会場').fill(venue);
    await course.getByLabel('定員').fill('10');
    await course.getByRole('button', { name: '追加する', exact: true }).click();
    await course.getByText('受付状態: 準備中').waitFor();
    await expectAccessibleAtBothWidths(page, 'console-courses');
    await course.getByRole('button', { name: /受付を開始する/ }).click();
    await course.getByText('受付状態: 受付中').waitFor();
    return code;
  }

  async function openSessionPage(page: Page, code: string, title: string): Promise<void> {
    await page.goto('/console/courses');
    const course = page.getByRole('region', { name: `${code} ${title}` });
    await course.getByRole('link').first().click();
    await page.getByRole('heading', { name: new RegExp(`開催回: ${title}`), level: 1 }).waitFor();
  }

  /** Clicks a download link as a person would, and answers the file's bytes and name. */
  async function download(page: Page, link: Locator): Promise<{ bytes: Buffer; name: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await file.path();
    return { bytes: readFileSync(path), name: file.suggestedFilename() };
  }

  const pdfText = (bytes: Buffer) =>
    execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: bytes }).toString(
      'utf8',
    );

  it('lets a corporate account apply for two staff, staff confirm and complete them, and the certificate verifies', async () => {
    const title = '品質管理入門';
    const staff = await staffPage();
    const code = await scheduleOpenSession(staff.page, title, '東京会場');

    // The corporate customer applies for two of its staff from the public course list.
    const corporate = await aRegisteredAccount(world.t).withType('corporate').register();
    const customer = await world.newPage();
    const { page } = customer;
    await logInThroughPage(page, corporate.userId, corporate.password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await page.getByRole('link', { name: '講習会に申し込む' }).click();
    await page.getByRole('heading', { name: '講習会のお申込み', level: 1 }).waitFor();
    const listing = page.getByRole('listitem').filter({ hasText: code });
    await listing.getByText('東京会場').waitFor();
    await expectAccessibleAtBothWidths(page, 'courses');
    await listing.getByRole('button', { name: /申し込む/ }).click();
    const first = page.getByRole('group', { name: '受講者 1' });
    await first.getByLabel('氏名', { exact: true }).fill('高橋 一郎');
    await first.getByLabel('氏名(フリガナ)', { exact: true }).fill('タカハシ イチロウ');
    await first.getByLabel('E-mailアドレス', { exact: true }).fill(`${aUserId('s')}@example.jp`);
    await page.getByRole('button', { name: '受講者を追加する' }).click();
    const second = page.getByRole('group', { name: '受講者 2' });
    await second.getByLabel('氏名', { exact: true }).fill('伊藤 二郎');
    await second.getByLabel('氏名(フリガナ)', { exact: true }).fill('イトウ ジロウ');
    await second.getByLabel('E-mailアドレス', { exact: true }).fill(`${aUserId('s')}@example.jp`);
    await expectAccessibleAtBothWidths(page, 'courses-apply');
    await page.getByRole('button', { name: 'この内容で申し込む' }).click();
    const received = page.getByRole('status').filter({ hasText: 'お申込みを受け付けました。' });
    const number = ((await received.locator('strong').textContent()) ?? '').trim();
    expect(number).toMatch(/^A-\d{8}$/);

    await page.getByRole('link', { name: '受講申込みの履歴へ' }).first().click();
    await page.getByRole('heading', { name: '受講申込みの履歴', level: 1 }).waitFor();
    const application = page.getByRole('article', { name: new RegExp(number) });
    await application.getByText('受付済み').first().waitFor();
    expect(await application.getByText('受付済み').count()).toBe(2);
    await expectAccessibleAtBothWidths(page, 'my-applications-received');

    // Staff confirm both in one step: the tickets are issued.
    await openSessionPage(staff.page, code, title);
    await staff.page.getByRole('checkbox', { name: '高橋 一郎' }).waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-session');
    await staff.page.getByLabel('すべて選択する').check();
    await staff.page.getByRole('button', { name: /受講を確定する/ }).click();
    await staff.page.getByRole('status').getByText('受講を確定した人数: 2').waitFor();

    await page.reload();
    await application.getByText('受講確定').first().waitFor();
    const ticket = await download(
      page,
      application.getByRole('link', { name: '受講票 (高橋 一郎, PDF)' }),
    );
    expect(ticket.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const ticketNumber = (
      (await application
        .getByRole('listitem')
        .filter({ hasText: '高橋 一郎' })
        .getByText(/受講票番号: /)
        .textContent()) ?? ''
    ).replace(/^受講票番号: /, '');
    expect(ticketNumber).toMatch(/^T-[0-9A-Z]{10}$/);
    expect(pdfText(ticket.bytes)).toContain(ticketNumber);
    await application
      .getByText(/〜\d{4}年\d{1,2}月\d{1,2}日まで/)
      .first()
      .waitFor();
    await expectAccessibleAtBothWidths(page, 'my-applications-confirmed');

    // Staff record the completion: the certificates are issued.
    await staff.page.getByLabel('すべて選択する').check();
    await staff.page.getByRole('button', { name: /修了を記録する/ }).click();
    await staff.page.getByRole('status').getByText('修了を記録した人数: 2').waitFor();

    await page.reload();
    await application.getByText('修了').first().waitFor();
    const certificateRow = application.getByRole('listitem').filter({ hasText: '高橋 一郎' });
    const shown = ((await certificateRow.getByText(/修了証番号: /).textContent()) ?? '').replace(
      /^修了証番号: /,
      '',
    );
    expect(shown).toMatch(/^C-[0-9A-Z]{12}$/);
    const certificate = await download(
      page,
      application.getByRole('link', { name: '修了証 (高橋 一郎, PDF)' }),
    );
    expect(certificate.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(certificate.bytes)).toContain(shown);

    // Anyone may check the number on the public page; the holder's name is masked.
    const visitor = await world.newPage();
    await visitor.page.goto('/certificates/verify');
    await visitor.page.getByRole('heading', { name: '修了証の確認', level: 1 }).waitFor();
    await visitor.page.getByLabel('修了証番号').fill('C-000000000000');
    await visitor.page.getByRole('button', { name: '確認する' }).click();
    await visitor.page.getByRole('alert').waitFor();
    await expectAccessibleAtBothWidths(visitor.page, 'certificate-not-found');
    await visitor.page.getByLabel('修了証番号').fill(shown);
    await visitor.page.getByRole('button', { name: '確認する' }).click();
    await visitor.page.getByText('有効な修了証です。').waitFor();
    await visitor.page.getByText(`${title} (${code})`).waitFor();
    await visitor.page.getByText('高＊ ＊＊').waitFor();
    await expectAccessibleAtBothWidths(visitor.page, 'certificate-valid');

    expect(customer.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    // The longest walk of the suite (19 s alone): a ceiling against a hang on a loaded CI machine.
  }, 180_000);

  it('registers a person without an ID from a paper application; they log in with the mailed temporary password', async () => {
    const title = '安全衛生講習';
    const staff = await staffPage();
    const code = await scheduleOpenSession(staff.page, title, '大阪会場');
    await staff.page.getByRole('link', { name: '申込書から受講申込み' }).click();
    await staff.page.getByRole('heading', { name: '申込書からの受講申込み', level: 1 }).waitFor();
    const session = staff.page.getByLabel('開催回');
    const option = await session.locator('option', { hasText: code }).getAttribute('value');
    await session.selectOption(option ?? '');
    await staff.page.getByLabel('ユーザIDをお持ちでない方(新規登録)').check();
    const email = `${aUserId('paper')}@example.jp`;
    await staff.page.getByLabel('E-mailアドレス', { exact: true }).fill(email);
    await staff.page.getByLabel('氏名', { exact: true }).fill('紙野 申子');
    await staff.page.getByLabel('氏名(フリガナ)', { exact: true }).fill('カミノ シンコ');
    await staff.page.getByLabel('理由').fill('郵送の申込書');
    await expectAccessibleAtBothWidths(staff.page, 'console-paper-application');
    await staff.page.getByRole('button', { name: '申込みを登録する' }).click();
    await staff.page.getByRole('heading', { name: '受講申込みを登録しました', level: 1 }).waitFor();
    const userId = (
      (await staff.page
        .locator('.summary__row')
        .filter({ hasText: 'ユーザID' })
        .locator('dd')
        .textContent()) ?? ''
    ).trim();
    expect(userId).toMatch(/^[0-9a-z]{6,20}$/);
    await staff.page
      .getByRole('status')
      .getByText('仮パスワードはこの画面には表示されません')
      .waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-paper-application-done');

    const temporary = await mailedSecret(world.smtp, email, '仮パスワード');
    expect(await staff.page.getByText(temporary).count()).toBe(0);
    const customer = await world.newPage();
    await logInThroughPage(customer.page, userId, temporary);
    await setNewPasswordThroughPage(customer.page, aPassword());
    await customer.page.getByRole('link', { name: '受講申込みの履歴' }).click();
    await customer.page.getByRole('heading', { name: '受講申込みの履歴', level: 1 }).waitFor();
    await customer.page
      .getByRole('article', { name: new RegExp(title) })
      .getByText('受付済み')
      .waitFor();

    expect(customer.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });

  it('lets an individual apply for itself and cancel; staff cancel a seat only with a reason', async () => {
    const title = '個人向け講習';
    const staff = await staffPage();
    const code = await scheduleOpenSession(staff.page, title, '名古屋会場');
    const individual = await aRegisteredAccount(world.t).register();
    const customer = await world.newPage();
    const { page } = customer;
    await logInThroughPage(page, individual.userId, individual.password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();

    const apply = async () => {
      await page.goto('/courses');
      const listing = page.getByRole('listitem').filter({ hasText: code });
      await listing.getByRole('button', { name: /申し込む/ }).click();
      await page.getByText('ご本人が受講します').waitFor();
      await page.getByRole('button', { name: 'この内容で申し込む' }).click();
      const received = page.getByRole('status').filter({ hasText: 'お申込みを受け付けました。' });
      return ((await received.locator('strong').textContent()) ?? '').trim();
    };
    const first = await apply();
    expect(first).toMatch(/^A-\d{8}$/);

    // Applying again for the same session is refused with the API's message.
    await page.goto('/courses');
    await page
      .getByRole('listitem')
      .filter({ hasText: code })
      .getByRole('button', { name: /申し込む/ })
      .click();
    await page.getByRole('button', { name: 'この内容で申し込む' }).click();
    await page.getByRole('alert').getByText(ERROR_MESSAGES.ALREADY_APPLIED.ja).waitFor();
    await expectAccessibleAtBothWidths(page, 'courses-apply-refused');

    // The customer cancels before the deadline.
    await page.goto('/mypage/applications');
    const mine = page.getByRole('article', { name: new RegExp(first) });
    await mine.getByRole('button', { name: `申込みを取り消す: ${first}` }).click();
    const dialog = page.getByRole('dialog', { name: `申込みを取り消す: ${first}` });
    await expectAccessibleAtBothWidths(page, 'my-applications-cancel');
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await mine.getByText('取消し済み').waitFor();
    await page.getByRole('status').getByText('お申込みを取り消しました。').waitFor();

    // A new seat; staff cancel it from the customer's applications, and only with a reason.
    const second = await apply();
    await staff.page.getByRole('link', { name: 'お客様の受講申込み' }).click();
    await staff.page.getByRole('heading', { name: 'お客様の受講申込み', level: 1 }).waitFor();
    await staff.page.getByLabel('ユーザID').fill(individual.userId);
    await staff.page.getByRole('button', { name: '検索する' }).click();
    const application = staff.page.getByRole('article', { name: new RegExp(second) });
    await application.getByText('受付済み').waitFor();
    await expectAccessibleAtBothWidths(staff.page, 'console-customer-applications');
    await application.getByRole('button', { name: `申込みを取り消す: ${second}` }).click();
    const staffDialog = staff.page.getByRole('dialog', { name: `申込みを取り消す: ${second}` });
    await staffDialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await staffDialog.getByText('入力内容をご確認ください。').waitFor();
    await staffDialog.getByLabel('理由').fill('電話で取消しの依頼');
    await expectAccessibleAtBothWidths(staff.page, 'console-cancel-application');
    await staffDialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await staffDialog.waitFor({ state: 'hidden' });
    await application.getByText('取消し済み').waitFor();

    expect(customer.errors).toEqual([]);
    expect(staff.errors).toEqual([]);
  });

  it('lets a group member cancel its own seat of the group’s application, and only that one', async () => {
    const staff = await aStaffMember(world.t, 'support').loggedIn();
    const { sessionId } = await anOpenSession(world.t, staff, { title: 'グループ向け講習' });
    const administrator = await aGroupWithAdministrator(world.t);
    const member = await aMemberOf(world.t, world.smtp, administrator);
    const colleague = await aMemberOf(world.t, world.smtp, administrator);
    const applied = await world.t
      .http()
      .post(MY_APPLICATIONS)
      .set(administrator.auth)
      .send({
        sessionId,
        attendees: [
          { kind: 'member', userId: member.userId },
          { kind: 'member', userId: colleague.userId },
        ],
      })
      .expect(201);
    const number = applied.body.number as string;

    const opened = await world.newPage();
    const { page } = opened;
    await logInThroughPage(page, member.userId, member.password);
    await page.getByRole('heading', { name: 'マイページ' }).waitFor();
    await page.goto('/mypage/applications');
    const application = page.getByRole('article', { name: new RegExp(number) });
    await application.getByRole('button', { name: `申込みを取り消す: ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: `申込みを取り消す: ${number}` });
    // The dialog offers the member's own seat only: the API would refuse the colleague's.
    const seatOf = (userId: string) =>
      (applied.body.attendees as Array<{ id: string; userId: string }>).find(
        (a) => a.userId === userId,
      )?.id as string;
    await dialog.locator(`#cancel-${seatOf(member.userId)}`).waitFor();
    expect(await dialog.getByRole('checkbox').count()).toBe(1);
    await expectAccessibleAtBothWidths(page, 'my-applications-member-cancel');
    await dialog.getByRole('button', { name: '取り消す', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText('お申込みを取り消しました。').waitFor();
    // Nothing is left for this member to cancel; the colleague's seat stands.
    await application.getByText('取消し済み').waitFor();
    expect(
      await application.getByRole('button', { name: `申込みを取り消す: ${number}` }).count(),
    ).toBe(0);

    const seats = (
      await world.t
        .http()
        .get(`${MY_APPLICATIONS}/${applied.body.id as string}`)
        .set(administrator.auth)
        .expect(200)
    ).body.attendees as Array<{ userId: string; status: string }>;
    expect(Object.fromEntries(seats.map((a) => [a.userId, a.status]))).toEqual({
      [member.userId]: 'cancelled',
      [colleague.userId]: 'received',
    });
    expect(opened.errors).toEqual([]);
  });
});

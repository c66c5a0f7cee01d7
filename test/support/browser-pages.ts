import type { Page } from 'playwright-core';
import { PHONE, saveScreenshot, seriousAccessibilityViolations } from './browser';
import type { CapturedMail, SmtpCapture } from './smtp-capture';

/**
 * What the account pages' browser tests share: the axe scan with screenshots at both widths,
 * the login as a person types it, and the one-time secrets read from the captured mails.
 */
export async function expectAccessibleAtBothWidths(page: Page, name: string): Promise<void> {
  expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
  await saveScreenshot(page, name);
  const viewport = page.viewportSize();
  await page.setViewportSize(PHONE);
  expect({
    page: `${name} (phone)`,
    violations: await seriousAccessibilityViolations(page),
  }).toEqual({ page: `${name} (phone)`, violations: [] });
  await saveScreenshot(page, name);
  if (viewport) await page.setViewportSize(viewport);
}

export async function logInThroughPage(
  page: Page,
  userId: string,
  password: string,
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('ユーザID', { exact: true }).fill(userId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/** The secret after `label: ` in a mail (仮パスワード, 照会用パスワード). */
export function secretIn(mail: CapturedMail, label: string): string | undefined {
  return new RegExp(`${label}: ([A-Za-z0-9]+)`).exec(mail.text)?.[1];
}

/** Waits for the mail to `to` that carries `label: <secret>`, and returns the secret. */
export async function mailedSecret(smtp: SmtpCapture, to: string, label: string): Promise<string> {
  const mail = await smtp.waitForMail(
    (m) => m.to.includes(to) && secretIn(m, label) !== undefined,
    `a mail to ${to} with its ${label}`,
  );
  return secretIn(mail, label) as string;
}

/** Sets the new password on the forced password-change step and waits for My Page. */
export async function setNewPasswordThroughPage(page: Page, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
  await page.getByLabel('新しいパスワード', { exact: true }).fill(password);
  await page.getByLabel('新しいパスワード(確認)', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'パスワードを変更する' }).click();
  await page.getByRole('heading', { name: 'マイページ' }).waitFor();
}

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SmtpCapture } from './smtp-capture';
import { createTestApp } from './test-app';
import type { TestApp } from './test-app';
import { WEB_DIST } from './web-build';

/**
 * The browser tests' world: the real service (its own database, Redis prefix and SMTP capture)
 * serving the built web app on a loopback port, and Debian's Chromium driven by playwright-core.
 * No browser is ever downloaded: CI installs the `chromium` package (.ci/run).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'var', 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface BrowserWorld {
  t: TestApp;
  smtp: SmtpCapture;
  browser: Browser;
  baseUrl: string;
  /** A fresh browser profile (no cookies, no storage) with one page, watched for errors. */
  newPage(viewport?: { width: number; height: number }): Promise<PageUnderTest>;
  close(): Promise<void>;
}

export interface PageUnderTest {
  page: Page;
  context: BrowserContext;
  /** Script errors and Content-Security-Policy violations seen so far: a test expects none. */
  errors: string[];
}

export async function startBrowserWorld(env: Record<string, string> = {}): Promise<BrowserWorld> {
  const smtp = await new SmtpCapture().start();
  const t = await createTestApp({ env: { SMTP_URL: smtp.url, WEB_DIR: WEB_DIST, ...env } });
  const { port } = t.app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    t,
    smtp,
    browser,
    baseUrl,
    async newPage(viewport = DESKTOP) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'ja-JP' });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/status of (4\d\d)/.test(message.text()))
          errors.push(`console: ${message.text()}`);
      });
      return { page, context, errors };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await t.close();
      await smtp.stop();
    },
  };
}

/** Saves a full-page screenshot under var/screenshots/ (kept as a test artifact, not in git). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize();
  const path = join(
    SCREENSHOTS,
    `${name}-${viewport ? `${viewport.width}x${viewport.height}` : 'page'}.png`,
  );
  // After a viewport change the next frame has the new layout: wait for it to be painted.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Reads the QR code a person would scan: from the pixels of a screenshot, not from the DOM. */
export async function readQrCodeFromScreen(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
  return jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)?.data ?? null;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns the serious
 * and critical violations. axe is evaluated through the DevTools protocol: the page's own CSP,
 * which forbids inline scripts, stays in force.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe');
  if (loaded === 'undefined') await page.evaluate(AXE_SOURCE);
  const violations: AxeViolation[] = await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
    .then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    })))`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The element that has the keyboard focus, named as a person would name it: tag and label. */
export async function focusedElement(page: Page): Promise<string> {
  const described: string = await page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing';
    const label = (el.labels && el.labels[0] && el.labels[0].textContent) || el.getAttribute('aria-label') || el.textContent || '';
    return el.tagName.toLowerCase() + ':' + label.trim();
  })()`);
  return described;
}

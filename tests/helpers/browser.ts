// What the browser tests share: Debian's Chromium (never a downloaded one), a page per viewport in
// zh-CN and Beijing time that records its uncaught errors, signing in as a demo account, and
// full-page screenshots into test-results/ (the CI output).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/modules/system/demo.js';

export const SHOTS = path.resolve('test-results');

/** Headless Debian Chromium with the flags a container needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
}

/** A browser for one test file: `page(width)` opens a page in its own context; `close()` ends them all. */
export async function browserSession() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async page(width = 1440): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      return { page, errors };
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
    },
  };
}

/** A label Ant Design may space out (两字按钮 render as “登 录”). */
export const label = (text: string) => new RegExp(`^${[...text].join('\\s*')}$`);

/** Signs in as a demo account and waits for the home page. */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: label('登录') }).click();
  await page.getByText(/您好/).waitFor();
}

/** A full-page screenshot `test-results/<prefix>-<name>.png`, after the page has settled. */
export async function screenshot(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

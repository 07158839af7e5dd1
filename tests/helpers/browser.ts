// What the browser tests share: Debian's Chromium (never a downloaded one), a page per viewport in
// zh-CN and Beijing time that records its uncaught errors, signing in as a demo account, and
// full-page screenshots into test-results/ (the CI output).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
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

/** How a test file's pages open: each action's timeout, and extra context options (e.g. acceptDownloads). */
export interface PageOptions {
  timeout?: number;
  context?: BrowserContextOptions;
}

/** A browser for one test file: `page(width)` opens a page in its own context; `close()` ends them all. */
export async function browserSession(options: PageOptions = {}) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async page(width = 1440): Promise<{ page: Page; errors: string[] }> {
      const context = await browser.newContext({ ...options.context, viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(options.timeout ?? 15_000);
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

/** A label that may stand inside a longer accessible name (after an icon's name, say). */
export const labelIn = (text: string) => new RegExp([...text].join('\\s*'));

/** Fills and submits the sign-in form, without waiting for the outcome. */
export async function submitSignIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill(password);
  await page.getByRole('button', { name: label('登录') }).click();
}

/**
 * Signs in as a demo account and waits for the home page. On the desktop it then opens every group of
 * the side menu (a first visit shows only the current page's group; the menu remembers the groups per
 * user), so a test can click any entry. (`submitSignIn` and a wait for 您好 leave the menu as is.)
 */
export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, baseUrl, username, password);
  await page.getByText(/您好/).waitFor();
  await openMenuGroups(page);
}

/** Opens every closed group of the desktop side menu (none on a phone, where the menu is a drawer). */
export async function openMenuGroups(page: Page) {
  const sider = page.locator('.ant-layout-sider');
  if (!(await sider.count())) return;
  await sider.locator('li.ant-menu-item').first().waitFor();
  const closed = sider.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  for (let i = 0; i < 40 && (await closed.count()) > 0; i++) await closed.first().click();
}

/** How a screenshot is taken: the whole page or the window, and how long the page settles first (ms). */
export interface ShotOptions {
  fullPage?: boolean;
  settle?: number;
}

/** A screenshot `test-results/<name>.png` (full page unless told), after the page has settled. */
export async function screenshot(page: Page, name: string, options: ShotOptions = {}) {
  await page.waitForTimeout(options.settle ?? 400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

/**
 * A dialog alone, whole: test-results/<name>.png, the window made `height` tall while it is taken (a tall form
 * would be cut at the window's edge), then put back.
 */
export async function dialogScreenshot(dialog: Locator, name: string, height = 1600) {
  const page = dialog.page();
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height });
  await page.waitForTimeout(400);
  const box = (await dialog.boundingBox())!;
  await page.screenshot({
    path: path.join(SHOTS, `${name}.png`),
    clip: { x: box.x - 16, y: box.y - 16, width: box.width + 32, height: box.height + 32 },
  });
  await page.setViewportSize(size);
}

/**
 * A browser test file's preamble in one call: a browser for the file (opened before its tests,
 * closed after), and `newPage`, `login` and `shot` bound to the system under test (`inject('baseUrl')`)
 * and to the file's screenshot prefix (`shot(page, 'list')` → test-results/<prefix>list.png; `dialogShot(dialog,
 * 'edit')` → the dialog alone, test-results/<prefix>edit.png).
 */
export function browserSuite(prefix: string, options: PageOptions & { settle?: number } = {}) {
  const baseUrl = inject('baseUrl');
  let session: Awaited<ReturnType<typeof browserSession>> | undefined;
  beforeAll(async () => {
    session = await browserSession(options);
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    baseUrl,
    newPage(width = 1440) {
      if (!session) throw new Error('browserSuite: the browser opens in beforeAll');
      return session.page(width);
    },
    login: (page: Page, username: string, password?: string) => signIn(page, baseUrl, username, password),
    shot: (page: Page, name: string, fullPage = true) => screenshot(page, `${prefix}${name}`, { fullPage, settle: options.settle }),
    dialogShot: (dialog: Locator, name: string, height?: number) => dialogScreenshot(dialog, `${prefix}${name}`, height),
  };
}

/**
 * For `expect.poll` on a page: vitest gives up after 1 s by default, and a loaded machine takes longer
 * to answer and render (a step that passed alone failed now and then under load).
 */
export const POLL = { timeout: 15_000, interval: 100 };

/**
 * Opens the select `field`'s list until it shows at least `atLeast` of `options` (the list may not open on the
 * first click on a loaded machine, or the options may still be loading) and returns their texts, trimmed.
 */
export async function openOptions(page: Page, field: Locator, options: Locator, atLeast = 1): Promise<string[]> {
  await expect
    .poll(async () => {
      if ((await page.locator('.ant-select-dropdown:visible').count()) === 0)
        await field
          .first()
          .click({ timeout: 5_000, force: true })
          .catch(() => undefined);
      return options.count();
    }, POLL)
    .toBeGreaterThanOrEqual(atLeast);
  return (await options.allInnerTexts()).map((t) => t.trim());
}

/**
 * Picks `option` in the select `field` (the `.ant-select`, or an element whose click opens it and whose text shows
 * the choice) until the field shows `shown`. On a loaded machine the list may not open on the first click, or still
 * be re-rendering when the option is clicked so that the click lands nowhere: open it again and pick again. The
 * option is clicked only while the field does not show it yet, so a multi-select's pick is never toggled off. With
 * `closeBy` (a dialog's title, say) the list is closed after the pick.
 */
export async function pickOption(page: Page, field: Locator, option: Locator, shown: string | RegExp, closeBy?: Locator) {
  const list = page.locator('.ant-select-dropdown:visible');
  // The text of the select around the field (a label's input sits inside it), or of the field (a form item).
  const chosen = async () => {
    const text = await field.first().evaluate((el) => {
      const root = (el.closest('.ant-select') ?? el) as HTMLElement;
      // An empty select shows its placeholder, which may name the option ("请选择投诉类别").
      const placeholder = root.querySelector<HTMLElement>('[class*="placeholder"]');
      return root.innerText.replace(placeholder?.innerText ?? '', '');
    });
    return typeof shown === 'string' ? text.includes(shown) : shown.test(text);
  };
  await expect
    .poll(async () => {
      if (await chosen()) return true;
      if ((await list.count()) === 0)
        await field
          .first()
          .click({ timeout: 5_000, force: true })
          .catch(() => undefined);
      await option
        .first()
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      return chosen();
    }, POLL)
    .toBe(true);
  if (closeBy) {
    await closeBy.click();
    await list.waitFor({ state: 'hidden' });
  }
}

/**
 * Picks `option` in the filter of a table's column (its header `th`) and confirms with 确定. On a loaded machine
 * the filter's menu may still be opening when the option is clicked, so that the click lands nowhere and 确定
 * applies no filter: open it again and pick again until the option shows chosen. An option is clicked only while
 * it does not show chosen, and given a second to show it, so a pick is never toggled off.
 */
export async function pickColumnFilter(page: Page, th: Locator, option: string) {
  const menu = page.locator('.ant-dropdown:visible');
  const item = menu.locator('.ant-dropdown-menu-item', { hasText: option }).first();
  const chosen = async () =>
    (await item.count()) > 0 &&
    ((await item.locator('.ant-checkbox-checked, .ant-radio-checked').count()) > 0 || /-item-selected/.test((await item.getAttribute('class')) ?? ''));
  await expect
    .poll(async () => {
      if (await chosen()) return true;
      if ((await menu.count()) === 0)
        await th
          .locator('.ant-table-filter-trigger')
          .click({ timeout: 5_000 })
          .catch(() => undefined);
      await item.click({ timeout: 5_000 }).catch(() => undefined);
      for (let i = 0; i < 10 && !(await chosen()); i++) await page.waitForTimeout(100);
      return chosen();
    }, POLL)
    .toBe(true);
  await menu.getByRole('button', { name: label('确定') }).click();
}

/** What `actInDialog` does in the dialog: fill it, confirm with which button (确定), wait for its opening animation (ms). */
export interface DialogStep {
  fill?: (dialog: Locator) => Promise<void>;
  confirm?: string;
  settle?: number;
}

/**
 * Clicks an action of a record page (a button inside `getByTestId(area)`), lets `fill` fill its dialog,
 * confirms and waits until the dialog has closed; a dialog left open fails naming the action and what
 * it shows (the server's refusal, say).
 */
export async function actInDialog(page: Page, area: string, action: string, step: DialogStep = {}) {
  await page
    .getByTestId(area)
    .getByRole('button', { name: label(action) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (step.settle) await page.waitForTimeout(step.settle);
  if (step.fill) await step.fill(dialog);
  await dialog.getByRole('button', { name: label(step.confirm ?? '确定') }).click();
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  } catch {
    throw new Error(`the ${action} dialog stayed open: ${await dialog.innerText()}`);
  }
}

// A 12345 order in a real browser, from intake to the caller's satisfaction, by the
// clerk; then the leader's overview. Screenshots go to test-results/.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const baseUrl = inject('baseUrl');
const SHOTS = path.resolve('test-results');
let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});
afterAll(async () => {
  await browser?.close();
});

/** Ant Design puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

async function login(page: Page, username: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder('用户名').fill(username);
  await page.getByPlaceholder('密码').fill('Fazhi@2022');
  await page.getByRole('button', { name: label('登录') }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `hotline-${name}.png`), fullPage: true });
};

async function pick(page: Page, fieldLabel: string, option: string) {
  await page.getByLabel(fieldLabel, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

async function act(page: Page, button: string, fill?: () => Promise<void>) {
  await page
    .getByTestId('record-actions')
    .getByRole('button', { name: label(button) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill?.();
  await dialog.getByRole('button', { name: label('确定') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('12345 order', () => {
  it('goes from intake to satisfaction, with the clock, the history and the server’s field errors', async () => {
    const { page, errors } = await newPage();
    await login(page, 'clerk');
    await page.goto(`${baseUrl}/hotline/new`);
    await page.getByLabel('工单编号').fill('GZ12345-BROWSER-1');
    await page.getByLabel('受理时间').fill('2022-09-29 10:00');
    await pick(page, '诉求类型', '投诉');
    await pick(page, '承办单位', '排水管理科');
    await page.getByLabel('办理时限（工作日）').fill('3');
    await page.getByLabel('事项').fill('天河路雨后积水');
    await page.getByLabel('联系电话').fill('12345');
    // The form's own submit button (its accessible name changes while it shows a spinner).
    const submit = page.locator('form button[type="submit"]');
    await submit.click();
    // The server names the bad field; the form shows its message under it.
    await page.getByText('联系电话格式无效：12345').waitFor();
    await shot(page, 'intake-error');
    await page.getByLabel('联系电话').fill('13800138000');
    await expect.poll(async () => (await submit.getAttribute('class')) ?? '', { timeout: 30_000 }).not.toContain('ant-btn-loading');
    await submit.click();
    await page.waitForURL('**/hotline/items/**');
    await page.getByTestId('clock-card').getByText('2022-10-09').first().waitFor();
    expect(await page.getByTestId('deadline-text').innerText()).toContain('国庆');
    expect(await page.getByTestId('record-status').innerText()).toBe('待签收');
    await shot(page, 'record-new');

    await act(page, '签收', () => page.getByLabel('时间').fill('2022-09-29 15:00'));
    await page.getByTestId('record-status').getByText('办理中').waitFor();
    await act(page, '回复诉求人', async () => {
      await page.getByLabel('答复内容').fill('已疏通雨水口，现场无积水，已电话告知诉求人。');
      await page.getByLabel('时间').fill('2022-09-30 16:00');
    });
    await page.getByTestId('record-status').getByText('已答复').waitFor();
    await act(page, '办结', () => page.getByLabel('时间').fill('2022-09-30 17:00'));
    await page.getByTestId('record-status').getByText('已办结').waitFor();
    await act(page, '回访评价', async () => {
      await pick(page, '评价', '满意');
      await page.getByLabel('时间').fill('2022-10-08 10:00');
    });
    await page.getByTestId('satisfaction').getByText('满意').waitFor();
    const actions = ['新建', 'signed', 'replied', 'closed', 'evaluated'];
    await expect.poll(async () => page.getByTestId('history-event').count()).toBe(actions.length);
    await shot(page, 'record-done');

    await page.goto(`${baseUrl}/hotline?status=`);
    await page.getByTestId('demand-table').waitFor();
    await shot(page, 'list');
    expect(errors).toEqual([]);
  });

  it('shows the leader the overdue demands across the four modules', async () => {
    const { page, errors } = await newPage();
    await login(page, 'leader');
    await page.goto(`${baseUrl}/demands/overview`);
    await page.getByTestId('overview-hotline').waitFor();
    expect(await page.getByTestId('overview-hotline').innerText()).toMatch(/逾期\s*\n?\s*[1-9]/);
    await shot(page, 'overview');
    expect(errors).toEqual([]);
  });
});

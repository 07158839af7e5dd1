// 重大行政决策 in a real browser against the demo bureau: a decision registered through the form
// (expert argument and risk assessment not applicable, with reasons), public participation, the
// legality review by the legal office and the collective discussion, made; the demo's fully-run
// decision and the public catalogue at phone width. Screenshots go to test-results/.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, label, pickOption, POLL, screenshot, signIn, pickColumnFilter } from '../helpers/browser.js';
import { readTable } from '../../src/core/ledger/files.js';

const baseUrl = inject('baseUrl');
let session: Awaited<ReturnType<typeof browserSession>>;

beforeAll(async () => {
  session = await browserSession({ context: { acceptDownloads: true } });
});
afterAll(async () => {
  await session?.close();
});

const newPage = (width = 1440) => session.page(width);
const shot = (page: Page, name: string) => screenshot(page, `decisions-${name}`);
const totalOf = async (text: Promise<string>) => Number(/共\s*(\d+)\s*项/.exec(await text)?.[1] ?? Number.NaN);
/** Clicks an action of the decision page and confirms its modal. */
async function step(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page
    .getByTestId('decision-actions')
    .getByRole('button', { name: label(action) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.waitForTimeout(300); // the modal's opening animation
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label('确定') }).click();
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  } catch {
    throw new Error(`the ${action} dialog stayed open: ${await dialog.innerText()}`);
  }
}
/** Elements of the content wider than the viewport (sideways scrolling of the page; a table scrolls inside its own box). */
const overflow = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.ant-layout-content *')]
      .filter((e) => !e.closest('.ant-table-content, .ant-table-body'))
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 8)
      .map((e) => `${e.tagName}.${String((e as HTMLElement).className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`),
  );

describe('重大行政决策 in the browser', () => {
  it('takes a decision from the draft to made: participation, review, collective discussion', async () => {
    const { page, errors } = await newPage();
    await signIn(page, baseUrl, 'legal');
    await page.getByRole('menuitem', { name: '重大行政决策', exact: true }).click();
    await page.getByTestId('decisions-table').getByText('修订《天河区防洪（潮）排涝应急预案》').waitFor();
    await shot(page, 'list');

    await page.getByTestId('new-decision').click();
    const dialog = page.getByRole('dialog');
    // A title of its own per run (a retry registers again).
    await dialog.getByTestId('decision-title').fill(`制定《天河区浏览器测试管理办法》${Date.now().toString(36)}`);
    await dialog.getByTestId('decision-leader').fill('何副局长');
    await dialog.getByTestId('decision-expert-required').getByText('不适用').click();
    await dialog.getByTestId('decision-expert-reason').fill('不属于专业性、技术性较强的事项');
    await dialog.getByTestId('decision-risk-required').getByText('不适用').click();
    await dialog.getByTestId('decision-risk-reason').fill('不涉及社会稳定、公共安全风险');
    await shot(page, 'register');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('decision-status').innerText()).toBe('拟定草案');
    expect(await page.getByTestId('step-expert').innerText()).toContain('不属于专业性、技术性较强的事项');
    // Public participation is required and not done: the review cannot be asked for yet (第十四条).
    const blocked = await page.getByTestId('decision-actions').innerText();
    expect(blocked).toContain('送请合法性审查');
    await shot(page, 'drafting');

    await step(page, '登记公众参与情况', async (d) => {
      await pickOption(page, d.getByTestId('event-methods'), page.getByTitle('座谈会', { exact: true }), '座谈会', d.locator('.ant-modal-title'));
      await d.getByTestId('event-record').fill('召开企业、居民代表座谈会1次，收集意见6条，采纳4条');
    });
    // The page reads the decision again after the step: wait for it rather than read the old one.
    await expect.poll(() => page.getByTestId('step-participation').innerText(), { timeout: 15_000 }).toContain('座谈会');

    await step(page, '送请合法性审查');
    await expect.poll(() => page.getByTestId('decision-status').innerText()).toBe('合法性审查中');
    expect(await page.getByTestId('clock-review').innerText()).toContain('第二十六条');

    await step(page, '合法性审查同意', async (d) => {
      await d.getByTestId('event-result').getByText('修改后同意').click();
      await d.getByTestId('event-opinion').fill('删除第九条兜底条款后同意提交集体讨论');
    });
    await expect.poll(() => page.getByTestId('decision-status').innerText()).toBe('待集体讨论');

    await step(page, '登记集体讨论决定（同意）', async (d) => {
      await d.getByTestId('event-meeting').fill('局长办公会议');
      await d.getByTestId('event-attendees').fill('李局长、何副局长、黄副局长');
      await d.getByTestId('event-content').fill('原则通过，按审查意见修改后印发');
      // Discussed the day it was reviewed: less than 7 working days after submission (第二十六条).
      await d.getByTestId('event-shortReviewReason').fill('区政府要求本周内报送');
    });
    await expect.poll(() => page.getByTestId('decision-status').innerText()).toBe('已作出决定');
    expect(await page.getByTestId('step-discussion').innerText()).toContain('局长办公会议');
    await page.getByTestId('history-event').filter({ hasText: '集体讨论决定' }).first().waitFor();
    await shot(page, 'made');
    expect(await overflow(page)).toEqual([]);
    // The catalogue opens on the newest year's items (the demo's 2022, published).
    await page.getByRole('menuitem', { name: '决策事项目录' }).click();
    await page.getByTestId('catalogue-table').getByText('修订《天河区防洪（潮）排涝应急预案》').waitFor();
    expect(await page.getByTestId('catalogue-table').innerText()).toContain('2022-02-25');
    await shot(page, 'catalogue');
    expect(errors).toEqual([]);
  });

  it('edits and deletes catalogue items before the year’s catalogue is published, and not after', async () => {
    const { page, errors } = await newPage();
    await signIn(page, baseUrl, 'legal');
    await page.goto(`${baseUrl}/decisions/catalogue`);
    await page.getByTestId('catalogue-table').getByText('修订《天河区防洪（潮）排涝应急预案》').waitFor();
    // A year of its own per run (a retry starts on an empty catalogue).
    const year = 2040 + (Math.floor(Date.now() / 1000) % 60);
    await page.getByTestId('catalogue-year').click();
    await page.getByTestId('catalogue-year').fill(`${year}年`);
    await page.keyboard.press('Enter');
    await page.getByTestId('catalogue-table').getByText(`${year}年尚未登记决策事项目录`).waitFor();
    const add = async (title: string) => {
      await page.getByTestId('add-item').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.waitForTimeout(300); // the modal's opening animation
      await dialog.getByLabel('决策事项').fill(title);
      await pickOption(page, dialog.getByLabel('事项类别'), page.getByTitle('重要规划', { exact: true }), '重要规划');
      await dialog.getByRole('button', { name: label('添加') }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
      await page.getByTestId('catalogue-table').getByText(title).waitFor();
    };
    await add('编制浏览器测试甲规划');
    await add('编制浏览器测试乙规划');

    // 修改: the form opens with the item's values; the table shows the new title.
    await page.getByTestId('edit-item-1').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForTimeout(300);
    expect(await dialog.getByLabel('决策事项').inputValue()).toBe('编制浏览器测试甲规划');
    await dialog.getByLabel('决策事项').fill('编制浏览器测试甲专项规划');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
    await page.getByTestId('catalogue-table').getByText('编制浏览器测试甲专项规划').waitFor();

    // 删除 after a confirmation.
    await page.getByTestId('delete-item-2').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: label('删除') })
      .click();
    await page.getByTestId('catalogue-table').getByText('编制浏览器测试乙规划').waitFor({ state: 'detached' });
    await shot(page, 'catalogue-edited');

    // Published: neither button can be used, and the reason is given.
    await page.getByTestId('publish-catalogue').click();
    const publish = page.getByRole('dialog');
    await publish.waitFor();
    await page.waitForTimeout(300);
    await publish.getByRole('button', { name: label('公布') }).click();
    await publish.waitFor({ state: 'hidden', timeout: 20_000 });
    await expect.poll(() => page.getByTestId('edit-item-1').isDisabled(), POLL).toBe(true);
    expect(await page.getByTestId('delete-item-1').isDisabled()).toBe(true);
    await page.getByTestId('edit-item-1').locator('..').hover();
    await page.getByRole('tooltip').filter({ hasText: '第三条第三款' }).waitFor();
    await shot(page, 'catalogue-published');
    expect(errors).toEqual([]);
  });

  it('shows the demo’s fully-run decision, the list and the public catalogue at phone width', async () => {
    const { page, errors } = await newPage(390);
    await signIn(page, baseUrl, 'legal');
    await page.goto(`${baseUrl}/decisions`);
    await page.getByTestId('decisions-table').getByText('修订《天河区防洪（潮）排涝应急预案》').click();
    await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('decision-status').innerText()).toBe('已归档');
    const steps = await page.getByTestId('decision-steps').innerText();
    for (const s of ['公众参与', '专家论证', '风险评估', '合法性审查', '集体讨论决定', '决策公布', '决策后评估']) expect(steps).toContain(s);
    expect(steps).toContain('局长办公会议');
    await shot(page, 'demo-390');
    expect(await overflow(page)).toEqual([]);
    await page.goto(`${baseUrl}/decisions`);
    await page.getByTestId('decisions-table').waitFor();
    await shot(page, 'list-390');
    expect(await overflow(page)).toEqual([]);
    await page.goto(`${baseUrl}/public/major-decisions`);
    await page.getByTestId('public-catalogue-2022').waitFor();
    expect(await page.getByTestId('public-catalogue-2022').innerText()).toContain('天河区河涌水系综合整治规划');
    await shot(page, 'public-390');
    expect(errors).toEqual([]);
  });

  it('filters the list into the URL, keeps it on reload and exports exactly the filtered decisions under the ledger headers', async () => {
    const { page, errors } = await newPage();
    await signIn(page, baseUrl, 'legal');
    await page.goto(`${baseUrl}/decisions`);
    const table = page.getByTestId('decisions-table');
    await table.locator('.ant-table-row').first().waitFor();
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBeGreaterThan(0);
    const all = await totalOf(total.innerText());

    // Column filter 状态 = 已归档: the URL carries it and the list answers fewer decisions.
    const filtered = page.waitForResponse((r) => r.url().includes('/api/decisions?') && new URL(r.url()).searchParams.get('status') === 'archived');
    await pickColumnFilter(page, table.locator('th', { hasText: '状态' }), '已归档');
    const n = ((await (await filtered).json()) as { data: { total: number } }).data.total;
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), POLL).toBe('archived');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    // Sort on 决策事项 (server-side), then reload: the query stays.
    await table.locator('th', { hasText: '决策事项' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('title');
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('archived');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    // Export: the 重大行政决策台账's headers, exactly the filtered decisions, in the list's order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readTable(fs.readFileSync(await download.path()), 'list.xlsx');
    expect(sheet.headers.slice(0, 2)).toEqual(['年度', '决策事项']);
    expect(sheet.rows.length).toBe(n);
    await expect.poll(() => table.locator('.ant-table-row').first().locator('a').first().innerText(), POLL).toBe(String(sheet.rows[0]!.cells.决策事项));
    await shot(page, 'list-filtered');
    expect(errors).toEqual([]);
  });
});

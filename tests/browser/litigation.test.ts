// 行政复议与行政诉讼 in a real browser against the demo bureau: a lawsuit registered through the
// form (the challenged penalty case picked by its number, linked from the case page), its defence filed, a hearing with the deputy head appearing, and the judgment; the demo's
// appealed case at phone width. Screenshots go to test-results/.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { actInDialog, browserSuite, label, pickOption, POLL, pickColumnFilter } from '../helpers/browser.js';
import { readTable } from '../../src/core/ledger/files.js';

const { baseUrl, newPage, login, shot } = browserSuite('litigation-', { context: { acceptDownloads: true } });
const totalOf = async (text: Promise<string>) => Number(/共\s*(\d+)\s*件/.exec(await text)?.[1] ?? Number.NaN);
/** Clicks an action of the case page and confirms its modal. */
const step = (page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) => actInDialog(page, 'case-actions', action, { fill, settle: 300 });

describe('行政复议与行政诉讼 in the browser', () => {
  it('takes a lawsuit from the complaint to the judgment: defence, the head appearing, outcome', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.getByRole('menuitem', { name: '行政复议、行政诉讼案件' }).click();
    await page.getByTestId('cases-table').getByText('(2022)粤7101行初1203号').waitFor();
    await shot(page, 'list');

    await page.getByTestId('new-case').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('行政诉讼', { exact: true }).click();
    await dialog.getByTestId('case-no').fill('(2026)粤7101行初浏览器1号');
    await dialog.getByTestId('claimant-name').fill('广州市浏览器测试有限公司');
    // The challenged penalty case, found by number among the caller's records; its number fills 被诉行为.
    await dialog.getByTestId('act-record').click();
    await page.keyboard.type('2022');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    // The options first shown are the unfiltered search's: wait for the answer to the typed text.
    await expect.poll(() => option.innerText(), POLL).toContain('2022');
    const chosen = (await option.innerText()).split('　')[0]!;
    await option.click();
    await expect.poll(() => dialog.getByTestId('act-title').inputValue(), POLL).toContain(chosen);
    await dialog.getByTestId('act-title').fill(`${chosen}行政处罚决定`);
    await dialog.getByTestId('body').fill('广州铁路运输法院');
    await shot(page, 'register');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await page.waitForURL(/\/litigation\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('case-status').innerText(), POLL).toBe('已收案');
    const clock = await page.getByTestId('clock-reply').innerText();
    expect(clock).toContain('行政诉讼答辩举证期限');
    expect(clock).toContain('行政诉讼法第六十七条');
    await shot(page, 'received');
    // The case page links the challenged record.
    expect(await page.getByRole('link', { name: '查看行政处罚案件' }).getAttribute('href')).toMatch(/^\/enforcement\/cases\/[0-9a-f-]{36}$/);

    await step(page, '提交答复（答辩）');
    await expect.poll(() => page.getByTestId('case-status').innerText(), POLL).toBe('已答复（答辩）');

    // The deputy head appeared: recorded with the hearing.
    await step(page, '登记开庭（听证）', async (d) => {
      await pickOption(page, d.getByTestId('event-headRole'), page.getByTitle('副职负责人', { exact: true }), '副职负责人');
      await d.getByTestId('event-headName').fill('何副局长');
    });
    await expect.poll(() => page.getByTestId('case-status').innerText(), POLL).toBe('已开庭（听证）');
    expect(await page.getByTestId('case-hearings').innerText()).toContain('何副局长（副职负责人）');

    await step(page, '登记审结结果', async (d) => {
      await pickOption(page, d.getByTestId('event-outcome'), page.getByTitle(/^驳回诉讼请求（/), '驳回诉讼请求');
    });
    await expect.poll(() => page.getByTestId('case-status').innerText(), POLL).toBe('已审结');
    expect(await page.getByTestId('case-outcome').innerText()).toContain('驳回诉讼请求');
    // Not served yet: closing waits for the service date (the appeal window runs from it).
    expect(await page.getByTestId('blocked-actions').innerText()).toContain('尚未登记裁判文书送达日期');
    await page.getByTestId('history-event').filter({ hasText: '审结结果' }).first().waitFor();
    await shot(page, 'concluded');
    expect(errors).toEqual([]);
  });

  it('shows the appealed demo case at phone width: both hearings, the reason the head did not appear, no sideways scrolling', async () => {
    const { page, errors } = await newPage(390);
    await login(page, 'legal');
    await page.goto(`${baseUrl}/litigation/cases`);
    await page.getByTestId('cases-table').getByText('(2022)粤7101行初1203号').click();
    await page.waitForURL(/\/litigation\/cases\/[0-9a-f-]{36}$/);
    const hearings = await page.getByTestId('case-hearings').innerText();
    expect(hearings).toContain('李局长（正职负责人）');
    expect(hearings).toContain('防汛防台');
    expect(await page.getByTestId('case-outcome').innerText()).toContain('一审结果');
    await shot(page, 'appealed-390');
    await shot(page, 'appealed-390-top', false);
    await page.getByTestId('case-outcome').scrollIntoViewIfNeeded();
    await shot(page, 'appealed-390-outcome', false);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('.ant-layout-content *')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${String((e as HTMLElement).className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`),
    );
    expect(wide).toEqual([]);
    await page.goto(`${baseUrl}/litigation/cases`);
    await page.getByTestId('cases-table').waitFor();
    await shot(page, 'list-390');
    await shot(page, 'list-390-top', false);
    expect(errors).toEqual([]);
  });

  it('filters the list into the URL, keeps it on reload and exports exactly the filtered cases under the ledger headers', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.goto(`${baseUrl}/litigation/cases`);
    const table = page.getByTestId('cases-table');
    await table.locator('.ant-table-row').first().waitFor();
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBeGreaterThan(0);
    const all = await totalOf(total.innerText());

    // Column filter 类别 = 行政诉讼: the URL carries it and the list answers fewer cases.
    const filtered = page.waitForResponse((r) => r.url().includes('/api/litigation/cases?') && new URL(r.url()).searchParams.get('kind') === '诉讼');
    await pickColumnFilter(page, table.locator('th', { hasText: '类别' }), '行政诉讼');
    const n = ((await (await filtered).json()) as { data: { total: number } }).data.total;
    await expect.poll(() => new URL(page.url()).searchParams.get('kind'), POLL).toBe('诉讼');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    // Sort on 收到副本 (server-side), then reload: the query stays.
    await table.locator('th', { hasText: '收到副本' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('receivedOn');
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('诉讼');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    // Export: the 行政复议行政诉讼案件台账's headers, exactly the filtered cases, in the list's order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readTable(fs.readFileSync(await download.path()), 'list.xlsx');
    expect(sheet.headers[0]).toBe('案号');
    expect(sheet.rows.length).toBe(n);
    await expect.poll(() => table.locator('.ant-table-row').first().locator('a').first().innerText(), POLL).toBe(String(sheet.rows[0]!.cells.案号));
    await shot(page, 'list-filtered');
    expect(errors).toEqual([]);
  });
});

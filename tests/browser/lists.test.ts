// The demand list on the one list component, in a real browser: a filtered 12345 list carries its
// query in the URL and keeps it on reload, exports exactly its rows as xlsx, sorts on the server and
// changes its page size; the same list at 390 px stays within the screen. Screenshots in test-results/.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSuite, label, pickOption, POLL, pickColumnFilter } from '../helpers/browser.js';
import { readTable } from '../../src/core/ledger/files.js';

const { baseUrl, newPage, login, shot } = browserSuite('lists-', { context: { acceptDownloads: true } });

const totalOf = async (text: Promise<string>) => Number(/共\s*(\d+)\s*件/.exec(await text)?.[1] ?? Number.NaN);
const pointsOf = async (text: Promise<string>) => Number(/共\s*(\d+)\s*处/.exec(await text)?.[1] ?? Number.NaN);

describe('12345 list', () => {
  it('filters into the URL, keeps it on reload, exports exactly the filtered rows, sorts and changes page size', async () => {
    const { page, errors } = await newPage();
    await login(page, 'clerk');
    await page.goto(`${baseUrl}/hotline?status=closed`);
    const table = page.getByTestId('demand-table');
    await table.locator('.ant-table-row').first().waitFor();

    // Search: the query goes to the URL.
    await page.getByTestId('list-search').getByLabel('查找').fill('天河');
    const searched = page.waitForResponse((r) => r.url().includes('/api/hotline/items?') && new URL(r.url()).searchParams.get('q') === '天河');
    await page
      .getByTestId('list-search')
      .getByRole('button', { name: label('查询') })
      .click();
    const answer = (await (await searched).json()) as { data: { total: number } };
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBe('天河');
    expect(new URL(page.url()).searchParams.get('status')).toBe('closed');
    const total = page.locator('.ant-pagination-total-text');
    const n = answer.data.total;
    expect(n).toBeGreaterThan(0);
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);

    // Reload keeps it.
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByTestId('list-search').getByLabel('查找').inputValue(), POLL).toBe('天河');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);

    // Sort on 受理时间 (server-side): the URL says so. The export below waits for the sorted page's answer: the export
    // button's link follows the query once the page has re-rendered, which may be a moment after the URL changed.
    const sorted = page.waitForResponse((r) => r.url().includes('/api/hotline/items?') && new URL(r.url()).searchParams.get('sort') === 'receivedAt');
    await table.locator('th', { hasText: '受理时间' }).click();
    await sorted;
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('receivedAt');
    await expect.poll(() => page.getByTestId('list-export').getAttribute('href'), POLL).toContain('sort=receivedAt');
    expect(new URL(page.url()).searchParams.get('order')).toBe('asc');

    // Export: an xlsx of exactly those rows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const sheet = await readTable(fs.readFileSync(file), 'list.xlsx');
    expect(sheet.headers[0]).toBe('工单编号');
    expect(sheet.rows.length).toBe(n);
    // The list shows the same first row (sorted by 受理时间, oldest first).
    await expect.poll(() => table.locator('.ant-table-row').first().locator('a').first().innerText(), POLL).toBe(sheet.rows[0]!.cells.工单编号);
    await shot(page, 'hotline-filtered');

    // Page size 10: the URL carries it and the page shows at most 10 rows.
    await pickOption(
      page,
      page.locator('.ant-pagination-options .ant-select'),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '10' }),
      /^10\b/,
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('pageSize'), POLL).toBe('10');
    await expect.poll(() => table.locator('.ant-table-row').count(), POLL).toBeLessThanOrEqual(10);

    // 重置 clears the filters.
    await page
      .getByTestId('list-search')
      .getByRole('button', { name: label('重置') })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBeNull();
    expect(errors).toEqual([]);
  });

  it('fits a 390 px screen (the table scrolls inside its card)', async () => {
    const { page, errors } = await newPage(390);
    await login(page, 'clerk');
    await page.goto(`${baseUrl}/hotline?status=closed&pageSize=10`);
    await page.getByTestId('demand-table').locator('.ant-table-row').first().waitFor();
    await shot(page, 'hotline-390');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });
});

describe('flood risk point list (a list on its own table)', () => {
  it('sorts, filters by a column, keeps the query on reload and exports exactly the filtered points', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    await page.goto(`${baseUrl}/flood/risk-points`);
    const table = page.getByTestId('risk-points-table');
    await table.locator('.ant-table-row').first().waitFor();
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => pointsOf(total.innerText()), POLL).toBeGreaterThan(0);
    const all = await pointsOf(total.innerText());

    // Column filter 整治状态 = 已完成: the URL carries it and the list answers fewer points.
    const filtered = page.waitForResponse((r) => r.url().includes('/api/flood/risk-points/list?') && new URL(r.url()).searchParams.get('status') === '已完成');
    await pickColumnFilter(page, table.locator('th', { hasText: '整治状态' }), '已完成');
    const n = ((await (await filtered).json()) as { data: { total: number } }).data.total;
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), POLL).toBe('已完成');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    await expect.poll(() => pointsOf(total.innerText()), POLL).toBe(n);

    // Sort on 纳入台账 (server-side), then reload: the query stays.
    await table.locator('th', { hasText: '纳入台账' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('registeredOn');
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('已完成');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('registeredOn');
    await expect.poll(() => pointsOf(total.innerText()), POLL).toBe(n);

    // Export: the ledger's headers, exactly the filtered points, in the list's order.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = await readTable(fs.readFileSync(await download.path()), 'list.xlsx');
    expect(sheet.headers.slice(0, 3)).toEqual(['编号', '名称', '所在街道']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => r.cells.整治状态 === '已完成')).toBe(true);
    await expect.poll(() => table.locator('.ant-table-row').first().locator('a').first().innerText(), POLL).toBe(String(sheet.rows[0]!.cells.编号));
    await shot(page, 'risk-points-filtered');
    expect(errors).toEqual([]);
  });
});

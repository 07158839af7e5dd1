// The flood registers and the system's user list on the one list component, in a real browser: each list
// opens on the latest year with records, a filter (search form or column) lands in the URL and survives a
// reload, and the export downloads exactly the filtered rows under the ledger's headers. Screenshots in
// test-results/ (1440 px, and the deployments and duty lists at 390 px).
import { describe, expect, it } from 'vitest';
import { browserSuite, label, POLL } from '../helpers/browser.js';
import { columnFilter, exported, openFromMenu, reloadList, searchList, sortOn, totalOf } from '../helpers/browserLists.js';

const { baseUrl, newPage, login, shot } = browserSuite('flood-lists-', { context: { acceptDownloads: true } });

describe('flood registers', () => {
  it('抢险投入: opens on the latest year, a text search lands in the URL and survives a reload, the export is the filtered rows', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    const table = await openFromMenu(page, '抢险投入', 'deployments-table');
    // The demo's latest year with deployments is 2023 (6 events).
    await expect.poll(() => totalOf(page), POLL).toBe(6);
    await page.getByTestId('latest-year-hint').waitFor();
    expect(await page.getByTestId('deployment-totals').innerText()).toContain('6');

    // All years, then the text: the query in the URL.
    await page.getByTestId('list-filter-year').locator('.ant-tag-close-icon').click();
    await expect.poll(() => totalOf(page), POLL).toBe(42);
    await searchList(page, '暴雨');
    await expect.poll(() => totalOf(page), POLL).toBeLessThan(42);
    const n = await totalOf(page);
    await reloadList(table, n);

    const sheet = await exported(page);
    expect(sheet.headers).toEqual(['日期', '事件', '投入人员 (人次)', '抽水泵 (台次)', '车辆 (台次)']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => String(r.cells.事件).includes('暴雨'))).toBe(true);
    await shot(page, 'deployments');
    const narrow = await newPage(390);
    await login(narrow.page, 'flood');
    await narrow.page.goto(`${baseUrl}/flood/deployments?year=2022`);
    await narrow.page.getByTestId('deployments-table').locator('.ant-table-row').first().waitFor();
    expect(await narrow.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(narrow.page, 'deployments-390');
    expect([...errors, ...narrow.errors]).toEqual([]);
  });

  it('内涝治理项目 and 防汛责任人: a column filter lands in the URL, the export is the filtered rows', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    await page.goto(`${baseUrl}/flood/projects?year=`);
    await page.getByTestId('projects-table').locator('.ant-table-row').first().waitFor();
    const all = await totalOf(page);
    const n = await columnFilter(page, {
      table: 'projects-table',
      column: '类型',
      option: '内涝治理项目',
      api: '/api/flood/projects/list',
      param: 'kind',
      value: '内涝治理项目',
    });
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    const sheet = await exported(page);
    expect(sheet.headers.slice(0, 2)).toEqual(['名称', '类型']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => r.cells.类型 === '内涝治理项目')).toBe(true);
    await shot(page, 'projects');

    await page.getByRole('menuitem', { name: '防汛责任人' }).click();
    await page.getByTestId('works-table').locator('.ant-table-row').first().waitFor();
    const works = await columnFilter(page, {
      table: 'works-table',
      column: '类型',
      option: '水闸',
      api: '/api/flood/works/list',
      param: 'kind',
      value: '水闸',
    });
    const ws = await exported(page);
    expect(ws.headers[0]).toBe('工程名称');
    expect(ws.rows.length).toBe(works);
    expect(ws.rows.every((r) => r.cells.工程类型 === '水闸')).toBe(true);
    await page.getByText(/2023年度：2023-03-28/).waitFor();
    await shot(page, 'works');
    expect(errors).toEqual([]);
  });

  it('值班表 records and 抗旱防咸: a filter lands in the URL and survives a reload', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    await page.goto(`${baseUrl}/flood/duty?year=2022`);
    // A list link opens on the list tab.
    const table = page.getByTestId('duty-table');
    await table.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => totalOf(page), POLL).toBe(240);
    const n = await columnFilter(page, { table: 'duty-table', column: '角色', option: 'A角', api: '/api/flood/duty/list', param: 'role', value: 'A角' });
    expect(n).toBe(120);
    await reloadList(table, n);
    const sheet = await exported(page);
    expect(sheet.headers[0]).toBe('日期');
    expect(sheet.rows.length).toBe(n);
    await shot(page, 'duty-list');

    await page.getByRole('menuitem', { name: '抗旱防咸' }).click();
    await page.getByTestId('warnings-table').locator('.ant-table-row').first().waitFor();
    await page
      .getByText('预警期间每天均有调度记录')
      .or(page.getByText(/有 \d+ 天没有调度记录/))
      .first()
      .waitFor();
    await page.getByTestId('list-filter-year').locator('.ant-tag-close-icon').click();
    await columnFilter(page, { table: 'warnings-table', column: '级别', option: '黄色', api: '/api/flood/warnings/list', param: 'level', value: '黄色' });
    await shot(page, 'drought');
    expect(errors).toEqual([]);
  });
});

describe('系统 → 用户', () => {
  it('a role filter and a text search land in the URL and survive a reload; the actions stay', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    const table = await openFromMenu(page, '用户管理', 'users-table');
    const all = await totalOf(page);
    const streets = await columnFilter(page, {
      table: 'users-table',
      column: '角色',
      option: '街道执法人员',
      api: '/api/users/list',
      param: 'role',
      value: 'street',
    });
    expect(streets).toBeGreaterThan(0);
    expect(streets).toBeLessThan(all);
    await searchList(page, 'wushan');
    await reloadList(table, 1);
    expect(new URL(page.url()).searchParams.get('role')).toBe('street');
    const row = table.locator('.ant-table-row').first();
    for (const action of ['编辑', '重置密码', '停用', '历史']) expect(await row.getByRole('button', { name: label(action) }).count(), action).toBe(1);
    // Sorting by unit goes to the server.
    await page.getByTestId('list-filters-clear').click();
    await sortOn(table, '所属单位', 'orgName');
    await shot(page, 'users');
    expect(errors).toEqual([]);
  });
});

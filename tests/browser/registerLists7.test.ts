// 执法人员 and 单位管理 on the one list component, in a real browser: a column filter or a search lands in the
// URL and survives a reload, the export downloads exactly the filtered rows under the ledger's headers, and the
// rows' actions (换证, 编辑, 历史) and the legal reviewers' card stay. Screenshots in test-results/ (1440 px and 390 px).
import { describe, expect, it } from 'vitest';
import { browserSuite, label, POLL } from '../helpers/browser.js';
import { columnFilter, exported, openFromMenu, reloadList, searchList, totalOf } from '../helpers/browserLists.js';

const { baseUrl, newPage, login, shot } = browserSuite('officers-orgs-', { context: { acceptDownloads: true } });

describe('执法人员 and 单位管理', () => {
  it('执法人员: the unit filter lands in the URL and survives a reload, the export is the filtered officers; 换证, 历史 and the reviewers card stay', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    const table = await openFromMenu(page, '执法人员', 'officers-table');
    const all = await totalOf(page);
    const n = await columnFilter(page, {
      table: 'officers-table',
      column: '所属单位',
      option: '五山街道',
      api: '/api/enforcement/officers/list',
      param: 'orgId',
    });
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    await reloadList(table, n);
    const sheet = await exported(page);
    expect(sheet.headers).toEqual(['姓名', '所属单位', '执法证号', '发证日期', '有效期至', '证件考试成绩']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => r.cells.所属单位 === '五山街道')).toBe(true);

    // A search by 执法证号 (in the URL), then the row's actions.
    const certNo = String(sheet.rows[0]!.cells.执法证号);
    await searchList(page, certNo);
    await expect.poll(() => totalOf(page), POLL).toBe(1);
    const row = table.locator('.ant-table-row').first();
    expect(await row.getByRole('button', { name: label('换证') }).count()).toBe(1);
    await row.getByRole('button', { name: label('历史') }).click();
    await page.getByTestId('history-event').first().waitFor();
    await page.keyboard.press('Escape');
    await page.getByText('法制审核人员及法律职业资格').waitFor();
    await shot(page, 'officers');

    const narrow = await newPage(390);
    await login(narrow.page, 'legal');
    await narrow.page.goto(`${baseUrl}/enforcement/officers?cert=valid`);
    await narrow.page.getByTestId('officers-table').locator('.ant-table-row').first().waitFor();
    await shot(narrow.page, 'officers-390');
    expect([...errors, ...narrow.errors]).toEqual([]);
  });

  it('单位管理: the kind filter lands in the URL, the export is the filtered orgs under the orgs ledger headers; 编辑 and 历史 stay', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    const table = await openFromMenu(page, '单位管理', 'orgs-table');
    const all = await totalOf(page);
    const n = await columnFilter(page, { table: 'orgs-table', column: '类型', option: '街道', api: '/api/orgs/list', param: 'kind', value: 'street' });
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    await reloadList(table, n);
    const sheet = await exported(page);
    expect(sheet.headers).toEqual(['单位名称', '单位类型', '上级单位', '统一社会信用代码', '行政区划代码']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => r.cells.单位类型 === '街道')).toBe(true);

    await searchList(page, '五山');
    await expect.poll(() => totalOf(page), POLL).toBe(1);
    const row = table.locator('.ant-table-row').first();
    await row.getByRole('button', { name: label('编辑') }).click();
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: label('取消') })
      .click();
    await row.getByRole('button', { name: label('历史') }).click();
    await page.getByTestId('history-event').first().waitFor();
    // The history's address keeps the list's query; closing it returns to the same list.
    expect(new URL(page.url()).searchParams.get('q')).toBe('五山');
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/system/orgs');
    expect(new URL(page.url()).searchParams.get('q')).toBe('五山');
    await shot(page, 'orgs');

    const narrow = await newPage(390);
    await login(narrow.page, 'admin');
    await narrow.page.goto(`${baseUrl}/system/orgs`);
    await narrow.page.getByTestId('orgs-table').locator('.ant-table-row').first().waitFor();
    await shot(narrow.page, 'orgs-390');
    expect([...errors, ...narrow.errors]).toEqual([]);
  });
});

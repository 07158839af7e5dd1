// The web shell in a real browser against the demo bureau (see tests/setup/browser.ts):
// login errors, the ledger import round trip with its row errors and audit events,
// and a street user's data scope. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { labelIn as label, submitSignIn, browserSuite } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('browser-');

const CSV_HEADER = '单位名称,单位类型,上级单位,统一社会信用代码,行政区划代码';
const BAD_CSV = `${CSV_HEADER}\n防汛物资仓库,其他,广州市天河区水务局,,\n水务监测中心,科局,广州市天河区水务局,,\n`;
const GOOD_CSV = BAD_CSV.replace('科局', '其他');

describe('web shell', () => {
  it('shows the server’s message for a wrong password and stays on the login page', async () => {
    const { page, errors } = await newPage();
    await submitSignIn(page, baseUrl, 'admin', 'not-the-password');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.title()).toBe('登录 · 法治水务');
    await shot(page, 'login-error');
    expect(errors).toEqual([]);
  });

  it('imports the orgs ledger: a bad row is reported by row and column, the fixed file imports and is audited', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    await page.getByText('您好，系统管理员').waitFor();
    await shot(page, 'home-admin');

    await page.getByRole('menuitem', { name: '台账导入导出' }).click();
    const row = page.getByRole('row').filter({ hasText: '单位名称' });
    await row.getByRole('button', { name: label('导入') }).click();
    await page.waitForURL('**/ledgers/orgs/import');

    const file = page.locator('input[type=file]');
    await file.setInputFiles({ name: '单位-有误.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV, 'utf8') });
    await page.getByTestId('import-invalid').waitFor();
    const errorRow = page.getByTestId('import-errors').getByRole('row').filter({ hasText: '科局' });
    const cells = await errorRow.getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('第3行');
    expect(cells[1]).toBe('单位类型');
    expect(cells[2]).toBe('科局');
    expect(cells[3]).toContain('不是可选值');
    await shot(page, 'import-row-error');

    await file.setInputFiles({ name: '单位-改正.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV, 'utf8') });
    await page.getByTestId('import-ready').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增\s*2[\s\S]*更新\s*0[\s\S]*未变\s*0/);
    await shot(page, 'import-preview');

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入成功').waitFor();
    await shot(page, 'import-done');

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    const table = page.getByTestId('audit-table');
    // One event for the whole import (记录类型 台账导入), beside the orgs' own events.
    const imported = table.getByRole('row').filter({ hasText: '台账导入' });
    await imported.first().waitFor();
    // …and no event per imported org: their provenance is in their history (below).
    const created = table.getByRole('row').filter({ hasText: '系统管理员' }).filter({ hasText: '新建' }).filter({ hasText: '单位' });
    expect(await created.count()).toBe(0);
    await page.getByRole('button', { name: '校验审计链' }).click();
    expect(await page.getByTestId('audit-verify-result').innerText()).toContain('审计链完整');
    await shot(page, 'audit-after-import');

    // The new org is in 单位管理, and its history names the import.
    await page.getByRole('menuitem', { name: '单位管理' }).click();
    const orgRow = page.getByRole('row').filter({ hasText: '水务监测中心' });
    await orgRow.getByRole('button', { name: label('历史') }).click();
    await page.getByTestId('history-event').first().waitFor();
    const history = (await page.getByTestId('history-event').allInnerTexts()).join('\n');
    expect(history).toContain('从台账文件「单位-改正.csv」第3行导入');
    expect(history).toContain('水务监测中心');
    await shot(page, 'org-history', false);
    expect(errors).toEqual([]);
  });

  it('shows a street user only its own street and no admin pages', async () => {
    const { page, errors } = await newPage();
    await login(page, 'wushan');
    await page.getByText('您好，周五山').waitFor();
    const menu = await page.getByRole('menu').first().innerText();
    expect(menu).not.toContain('用户管理');
    expect(menu).not.toContain('审计日志');

    // The tab names the page (its menu entry and area), so several open tabs can be told apart.
    await expect.poll(() => page.title()).toBe('首页 · 法治水务');
    await page.getByRole('menuitem', { name: '单位管理' }).click();
    const rows = page.getByTestId('orgs-table').locator('tbody').getByRole('row');
    await rows.filter({ hasText: '五山街道' }).waitFor();
    await expect.poll(() => page.title()).toMatch(/^单位管理.* · 法治水务$/);
    expect(await rows.count()).toBe(1);
    expect(await page.getByTestId('orgs-table').innerText()).not.toContain('员村街道');
    expect(await page.getByRole('button', { name: '新建单位' }).count()).toBe(0);
    await shot(page, 'street-orgs');

    await page.goto(`${baseUrl}/system/audit`);
    await page.getByText('无权访问').waitFor();
    expect(errors).toEqual([]);
  });
});

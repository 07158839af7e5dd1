// 个人中心 and the audit log's search in a real browser (issue 14 item 6): a user sees their sessions
// and ends another one (whose page is then signed out); an admin searches the audit log by record
// type and verb (the search in the URL), exports exactly the searched events, resets, and reads the
// 登录日志. No raw key is visible, no console error, no unexpected 4xx/5xx. Screenshots in test-results/.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, label, pickOption, POLL } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('profile-', { context: { acceptDownloads: true } });

const SNAKE = /\b[a-z]+_[a-z_]+\b/g;
const CAMEL = /\b[a-z]+[A-Z][a-zA-Z]*\b/g;
/** Raw keys (snake_case, camelCase) in the page's visible text. */
const rawKeys = async (page: Page) => {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(SNAKE), ...text.matchAll(CAMEL)].map((m) => m[0]);
};
/** Answers of 400 and above the page did not expect. */
const failures = (page: Page) => {
  const bad: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) bad.push(`${r.status()} ${r.url()}`);
  });
  return bad;
};

describe('个人中心', () => {
  it('lists my sessions, marks this one, and ends the other one (that device is signed out)', async () => {
    const other = await newPage();
    await login(other.page, 'advisor');
    const otherId = await other.page.evaluate(
      async () => ((await (await fetch('/api/auth/sessions')).json()).data as Array<{ id: string; current: boolean }>).find((s) => s.current)!.id,
    );

    const { page, errors } = await newPage();
    await login(page, 'advisor');
    const bad = failures(page);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '个人中心' }).click();
    await page.waitForURL('**/profile');
    const info = page.getByTestId('profile-info');
    await expect.poll(() => info.innerText(), POLL).toContain('郑律师');
    expect(await info.innerText()).toContain('依法行政办公室');
    const sessions = page.getByTestId('profile-sessions');
    await sessions.getByText('本次登录').waitFor();
    const row = sessions.locator(`tr[data-row-key="${otherId}"]`);
    await row.waitFor();
    await expect.poll(() => page.getByTestId('profile-logins').locator('tbody tr').count(), POLL).toBeGreaterThan(1);
    await shot(page, 'sessions');
    expect(await rawKeys(page)).toEqual([]);

    await row.getByTestId('revoke-session').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: label('注销') })
      .click();
    await page.getByText('该会话已注销').waitFor();
    await expect.poll(() => row.count(), POLL).toBe(0);

    // The other device's next request is refused: it is back at the sign-in page.
    await other.page.reload();
    await other.page.waitForURL('**/login**');

    const phone = await newPage(390);
    await login(phone.page, 'advisor');
    await phone.page.goto(`${baseUrl}/profile`);
    await phone.page.getByTestId('profile-sessions').getByText('本次登录').waitFor();
    await shot(phone.page, 'sessions-390');
    expect(await rawKeys(phone.page)).toEqual([]);
    expect(phone.errors).toEqual([]);
    expect(bad).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('审计日志的查询与导出', () => {
  it('searches by record type and verb (in the URL), exports exactly the searched events, resets, and reads the 登录日志', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    const bad = failures(page);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();

    await page.getByLabel('记录类型', { exact: true }).click();
    await page.keyboard.type('用户');
    await pickOption(
      page,
      page.getByLabel('记录类型', { exact: true }),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="用户"]'),
      '用户',
    );
    await page.getByLabel('动作', { exact: true }).click();
    await page.keyboard.type('登录');
    await pickOption(
      page,
      page.getByLabel('动作', { exact: true }),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="登录"]'),
      '登录',
    );
    await page.getByTestId('audit-search-submit').click();
    await page.waitForURL(/entity=user/);
    expect(new URL(page.url()).searchParams.get('action')).toBe('login');
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.includes('登录') && t.includes('用户')), POLL).toBe(true);
    await shot(page, 'audit-search');
    expect(await rawKeys(page)).toEqual([]);

    const expected = await page.evaluate(async () =>
      ((await (await fetch('/api/audit?entity=user&action=login&limit=500')).json()).data as Array<{ seq: number }>).map((e) => e.seq),
    );
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^审计日志列表\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await file.path())!);
    const ws = wb.worksheets[0]!;
    const seqs: number[] = [];
    ws.eachRow((r, n) => {
      if (n > 1) seqs.push(Number(r.getCell(1).value));
    });
    expect(seqs).toEqual(expected);
    expect(String(ws.getRow(2).getCell(5).value)).toBe('登录');

    // A bookmarked search opens as searched; 重置 clears it.
    await page.goto(`${baseUrl}/system/audit?entity=user&action=login`);
    await page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByTestId('audit-search-reset').click();
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('');

    await page.getByRole('menuitem', { name: '登录日志' }).click();
    const log = page.getByTestId('login-log-table');
    await expect.poll(() => log.locator('tbody tr.ant-table-row').count(), POLL).toBeGreaterThan(0);
    expect(await log.innerText()).toContain('系统管理员');
    await shot(page, 'login-log');
    expect(await rawKeys(page)).toEqual([]);

    const phone = await newPage(390);
    await login(phone.page, 'admin');
    await phone.page.goto(`${baseUrl}/system/audit?entity=user`);
    await phone.page.getByTestId('audit-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(phone.page, 'audit-390');
    await phone.page.goto(`${baseUrl}/system/logins`);
    await phone.page.getByTestId('login-log-table').locator('tbody tr.ant-table-row').first().waitFor();
    await shot(phone.page, 'login-log-390');
    expect(await rawKeys(phone.page)).toEqual([]);
    expect(phone.errors).toEqual([]);
    expect(bad).toEqual([]);
    expect(errors).toEqual([]);
  });
});

// 行政许可 in a real browser against the demo bureau: a permit from application to
// publication on the public page, with the server's deadline figures and a validation
// message shown on the form field; plus the legal, staff and inspection pages, and the training and
// 双公示 registers' filters in the URL and their exports.
// Screenshots go to test-results/.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actInDialog, browserSuite, label, pickOption, POLL, pickColumnFilter } from '../helpers/browser.js';
import { columnFilter, exported, reloadList, sortOn, totalOf } from '../helpers/browserLists.js';
import { readTable } from '../../src/core/ledger/files.js';

const { baseUrl, newPage, login, shot } = browserSuite('licensing-', { context: { acceptDownloads: true } });
/** Clicks an action button of the permit page and confirms its modal. */
const step = (page: Page, action: string, fill?: () => Promise<void>) => actInDialog(page, 'permit-actions', action, { fill });

describe('行政许可 in the browser', () => {
  it('takes a permit from application to publication', async () => {
    const { page, errors } = await newPage();
    await login(page, 'licensing');
    await page.getByRole('menuitem', { name: '许可办件' }).click();
    await page.getByTestId('permits-table').waitFor();
    await shot(page, 'list');

    await page.getByRole('button', { name: '收件登记' }).click();
    const dialog = page.getByRole('dialog');
    await pickOption(
      page,
      dialog.getByTestId('permit-item'),
      page.getByTitle(/PS-001 城镇污水排入排水管网许可（排水/),
      'PS-001',
      dialog.locator('.ant-modal-title'),
    );
    await dialog.getByLabel('申请人', { exact: true }).fill('广州市浏览器测试餐饮管理有限公司');
    const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/licensing\/permits$/.test(new URL(r.url()).pathname), {
      timeout: 30_000,
    });
    await dialog.getByRole('button', { name: label('登记') }).click();
    expect((await created).status()).toBe(201);
    await page.waitForURL(/\/licensing\/permits\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('permit-status').innerText(), POLL).toBe('已收件');
    await shot(page, 'received');

    await step(page, '受理');
    await expect.poll(() => page.getByTestId('permit-status').innerText(), POLL).toBe('已受理');
    expect(await page.getByTestId('permit-due').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // An extension beyond 10 working days: the server's message appears on the field, nothing changes.
    await page.getByTestId('permit-actions').getByRole('button', { name: '延长期限' }).click();
    const ext = page.getByRole('dialog');
    await ext.getByLabel('延长工作日（不超过10日）').fill('12');
    await ext.getByLabel('延长理由（应告知申请人）').fill('需现场核查');
    await ext.getByRole('button', { name: label('确定') }).click();
    await ext.getByText('延长天数应为1至10个工作日（行政许可法第四十二条）').waitFor();
    await shot(page, 'extension-refused');
    await ext.getByRole('button', { name: label('取消') }).click();

    await step(page, '作出决定');
    await expect.poll(() => page.getByTestId('permit-status').innerText(), POLL).toBe('已决定');
    await step(page, '颁发证件', async () => {
      await page.getByRole('dialog').getByLabel('证件编号').fill('天水许证〔浏览器〕0001');
    });
    await expect.poll(() => page.getByTestId('permit-status').innerText(), POLL).toBe('已发证');
    await step(page, '公示');
    await expect.poll(() => page.getByTestId('permit-status').innerText(), POLL).toBe('已公示');
    expect(await page.getByTestId('permit-published').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('permit-actions').getByRole('button').count()).toBe(0);
    await page.getByTestId('history-event').filter({ hasText: '公示日期' }).first().waitFor();
    await shot(page, 'published');

    // The public page (no login) shows the grant.
    const pub = await newPage();
    await pub.page.goto(`${baseUrl}/public/decisions`);
    await pub.page.getByPlaceholder('文书号、事项或当事人').fill('浏览器测试');
    await pub.page.getByPlaceholder('文书号、事项或当事人').press('Enter');
    await pub.page.getByText('广州市浏览器测试餐饮管理有限公司').waitFor();
    await shot(pub.page, 'public');
    expect(errors).toEqual([]);
    expect(pub.errors).toEqual([]);
  });

  it('filters the permit list into the URL, keeps it on reload and exports exactly the filtered cases under the ledger headers', async () => {
    const { page, errors } = await newPage();
    await login(page, 'licensing');
    await page.goto(`${baseUrl}/licensing/permits`);
    const table = page.getByTestId('permits-table');
    await table.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => totalOf(page), POLL).toBeGreaterThan(0);
    const all = await totalOf(page);

    // Column filter 类别 = 排水: the URL carries it and the list answers fewer cases.
    const n = await columnFilter(page, {
      table: 'permits-table',
      column: '类别',
      option: '排水',
      api: '/api/licensing/permits',
      param: 'category',
      value: '排水',
    });
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    // Sort on 决定日期 (server-side), then reload: the query stays.
    await sortOn(table, '决定日期', 'decidedOn');
    await reloadList(table, n);
    expect(new URL(page.url()).searchParams.get('category')).toBe('排水');
    // Export: the 行政许可办件 ledger's headers, exactly the filtered cases, in the list's order.
    const sheet = await exported(page);
    expect(sheet.headers[0]).toBe('办件编号');
    expect(sheet.rows.length).toBe(n);
    await expect.poll(() => table.locator('.ant-table-row').first().locator('a').first().innerText(), POLL).toBe(String(sheet.rows[0]!.cells.办件编号));
    await shot(page, 'list-filtered');
    expect(errors).toEqual([]);
  });

  it('says on the case page why an extension approved after the committed term did not extend it', async () => {
    const { page, errors } = await newPage();
    await login(page, 'licensing');
    const csrf = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()).data.csrfToken as string;
    const post = async (url: string, data: object) => {
      const r = await page.request.post(`${baseUrl}${url}`, { data, headers: { 'x-csrf-token': csrf } });
      expect(r.status(), await r.text()).toBeLessThan(300);
      return (await r.json()).data;
    };
    const items = (await (await page.request.get(`${baseUrl}/api/licensing/items`)).json()).data as Array<{ id: string; code: string }>;
    const itemId = items.find((i) => i.code === 'PS-001')!.id;
    let p = await post('/api/licensing/permits', { itemId, applicant: '浏览器逾期延长公司', channel: '网上', visits: 0, receivedOn: '2024-05-06' });
    p = await post(`/api/licensing/permits/${p.id}/accept`, { version: p.version, acceptedOn: '2024-05-06' });
    p = await post(`/api/licensing/permits/${p.id}/extend`, { version: p.version, days: 3, approvedOn: '2024-05-09', reason: '需现场核查' });
    await page.goto(`${baseUrl}/licensing/permits/${p.id}`);
    await page.getByTestId('permit-extension-note').waitFor();
    expect(await page.getByTestId('permit-extension-note').innerText()).toContain('晚于承诺期限届满日2024-05-08');
    expect(await page.getByTestId('permit-due').innerText()).toBe('2024-05-08');
    await shot(page, 'late-extension');
    expect(errors).toEqual([]);
  });

  it('shows the catalogue with the compression rate from the metric registry', async () => {
    const { page, errors } = await newPage();
    await login(page, 'licensing');
    await page.getByRole('menuitem', { name: '许可事项目录' }).click();
    await page.getByText('办理时限压缩率').waitFor();
    await expect.poll(() => page.locator('.ant-statistic').first().innerText(), POLL).toContain('93.01');
    await shot(page, 'items');
    expect(errors).toEqual([]);
  });

  it('verifies a recorded random draw, and shows the legal and staff pages', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.getByRole('menuitem', { name: '双随机抽查计划' }).click();
    await page.getByText('2022年度排水户排水行为随机抽查').click();
    await page.getByRole('button', { name: '复核抽取结果' }).click();
    expect(await page.getByTestId('verify-result').innerText()).toContain('复核一致');
    await shot(page, 'inspection-plan');

    await page.getByRole('menuitem', { name: '顾问工作台账' }).click();
    await page.getByRole('heading', { name: '法律顾问工作台账' }).waitFor();
    await shot(page, 'legal-advice');
    await page.getByRole('menuitem', { name: '学法、考试与培训' }).click();
    await page.getByRole('tab', { name: '培训记录' }).click();
    await page.getByTestId('staff-trainings').waitFor();
    await shot(page, 'staff-trainings');
    expect(errors).toEqual([]);
  });

  it('filters the training register and the 双公示 register into the URL and exports exactly the filtered rows', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    const rowsOf = async (text: Promise<string>) => Number(/共\s*(\d+)\s*条/.exec(await text)?.[1] ?? Number.NaN);
    const total = page.locator('.ant-pagination-total-text');
    /** Picks a column filter's value; answers the filtered list's total from the server's answer. */
    const pick = async (table: ReturnType<Page['getByTestId']>, opts: { column: string; value: string; param: string; is: string }) => {
      const answered = page.waitForResponse((r) => r.url().includes('/list?') && new URL(r.url()).searchParams.get(opts.param) === opts.is);
      await pickColumnFilter(page, table.locator('th', { hasText: opts.column }), opts.value);
      return ((await (await answered).json()) as { data: { total: number } }).data.total;
    };

    // 培训记录, all years: 对象 = 街道 lands in the URL; the export is the filtered trainings under the trainings ledger's headers.
    await page.goto(`${baseUrl}/staff/trainings?year=`);
    const trainings = page.getByTestId('staff-trainings');
    await trainings.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => rowsOf(total.innerText()), POLL).toBeGreaterThan(0);
    const allTrainings = await rowsOf(total.innerText());
    const streets = await pick(trainings, { column: '对象', value: '街道', param: 'audience', is: '街道' });
    await expect.poll(() => new URL(page.url()).searchParams.get('audience'), POLL).toBe('街道');
    expect(streets).toBeGreaterThan(0);
    expect(streets).toBeLessThan(allTrainings);
    await expect.poll(() => rowsOf(total.innerText()), POLL).toBe(streets);
    const [training] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(training.suggestedFilename()).toMatch(/^培训记录列表\d{8}\.xlsx$/);
    const trainingSheet = await readTable(fs.readFileSync(await training.path()), 'list.xlsx');
    expect(trainingSheet.headers).toEqual(['日期', '主题', '对象', '形式', '参加人数']);
    expect(trainingSheet.rows.length).toBe(streets);
    expect(trainingSheet.rows.every((r) => r.cells.对象 === '街道')).toBe(true);
    await shot(page, 'staff-trainings-filtered');

    // 双公示台账 opens on the latest year with decisions, said as a filter the user can remove.
    await page.goto(`${baseUrl}/publicity`);
    const register = page.getByTestId('publicity-table');
    await register.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByTestId('list-filter-year').innerText(), POLL).toMatch(/决定年度：\d{4}年/);
    // In 2022 (penalties and permits; this file's own permit is decided today): 类别 = 行政许可 lands in the URL; one export, the 行政许可 双公示 layout.
    await page.goto(`${baseUrl}/publicity?year=2022`);
    await register.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => rowsOf(total.innerText()), POLL).toBeGreaterThan(0);
    const allDecisions = await rowsOf(total.innerText());
    const permits = await pick(register, { column: '类别', value: '行政许可', param: 'kind', is: 'permit' });
    await expect.poll(() => new URL(page.url()).searchParams.get('kind'), POLL).toBe('permit');
    expect(permits).toBeGreaterThan(0);
    expect(permits).toBeLessThan(allDecisions);
    await expect.poll(() => page.getByTestId('publicity-export-penalty').count(), POLL).toBe(0);
    const [credit] = await Promise.all([page.waitForEvent('download'), page.getByTestId('publicity-export-permit').click()]);
    expect(credit.suggestedFilename()).toMatch(/^行政许可双公示列表\d{8}\.xlsx$/);
    const creditSheet = await readTable(fs.readFileSync(await credit.path()), 'list.xlsx');
    expect(creditSheet.headers.slice(5, 7)).toEqual(['行政许可决定文书名称', '行政许可决定文书号']);
    expect(creditSheet.rows.length).toBe(permits);
    await shot(page, 'publicity-filtered');
    expect(errors).toEqual([]);
  });
});

// Water safety in a real browser against the demo bureau: recording a water sample
// that grades black-odorous shows the alert, which reaches the river's owner; the alert list's
// search and filter in the URL and its export;
// the flood pages (risk map, duty roster, responsible persons) render. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { labelIn as label, browserSuite, pickOption, POLL, pickColumnFilter } from '../helpers/browser.js';
import { readTable } from '../../src/core/ledger/files.js';

const { baseUrl, newPage, login, shot } = browserSuite('browser-', { settle: 500, context: { acceptDownloads: true } });

describe('rivers and water quality', () => {
  it('records a sample that grades black-odorous and sees the alert, which the river’s street receives', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    // A river whose owner is 员村街道, so the street's own account ('yuancun') can look for the alert.
    const rivers = (await (await page.request.get(`${baseUrl}/api/rivers`)).json()).data as Array<{ name: string; owner: string }>;
    const river = rivers.find((r) => r.owner === '员村街道')!.name;
    await page.getByRole('menuitem', { name: '水质监测' }).click();
    await page.getByRole('button', { name: '录入监测' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '录入水质监测' });
    await modal.locator('#riverId').fill(river);
    await page.locator('.ant-select-dropdown').getByText(river, { exact: true }).click();
    await modal.locator('#transparencyCm').fill('18');
    await modal.locator('#depthCm').fill('80');
    await modal.locator('#doMgl').fill('1.2');
    await modal.locator('#orpMv').fill('-60');
    await modal.locator('#nh3nMgl').fill('12.5');
    await shot(page, 'rivers-sample-form', false);
    await modal.getByRole('button', { name: '保存并判定' }).click();

    const alert = page.getByTestId('sample-alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('轻度黑臭预警');
    expect(text).toContain(river);
    expect(text).toContain('已向员村街道发出');
    expect(await page.getByTestId('sample-grade').innerText()).toBe('轻度黑臭');
    await shot(page, 'rivers-sample-alert', false);
    await page.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('menuitem', { name: '黑臭预警' }).click();
    const row = page.getByTestId('alerts-table').getByRole('row').filter({ hasText: river });
    await row.first().waitFor();
    expect((await row.first().getByRole('cell').nth(2).innerText()).trim()).toBe('员村街道');
    await shot(page, 'rivers-alerts');
    expect(errors).toEqual([]);

    // The owner street sees the alert; another street does not.
    const street = await newPage();
    await login(street.page, 'yuancun');
    await street.page.goto(`${baseUrl}/rivers/alerts`);
    await street.page.getByTestId('alerts-table').getByRole('row').filter({ hasText: river }).first().waitFor();
    await shot(street.page, 'rivers-alerts-street');
    expect(street.errors).toEqual([]);
    const other = await newPage();
    await login(other.page, 'wushan');
    await other.page.goto(`${baseUrl}/rivers/alerts`);
    await other.page.getByTestId('alerts-table').locator('.ant-empty, tbody tr.ant-table-row').first().waitFor();
    expect(await other.page.getByTestId('alerts-table').innerText()).not.toContain(river);
  });

  it('searches and filters the alert list into the URL and exports exactly the filtered alerts', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    // All years and statuses; then 查找 程界涌 (the demo's alert) and 状态 = 待处置: both land in the URL.
    await page.goto(`${baseUrl}/rivers/alerts?year=&status=`);
    const table = page.getByTestId('alerts-table');
    await table.locator('.ant-table-row').first().waitFor();
    await page.getByTestId('list-search').getByPlaceholder('预警内容').fill('程界涌');
    await page
      .getByTestId('list-search')
      .getByRole('button', { name: label('查询') })
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBe('程界涌');
    const answered = page.waitForResponse((r) => r.url().includes('/api/river-alerts/list?') && new URL(r.url()).searchParams.get('status') === 'open');
    await pickColumnFilter(page, table.locator('th', { hasText: '状态' }), '待处置');
    const n = ((await (await answered).json()) as { data: { total: number } }).data.total;
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), POLL).toBe('open');
    expect(n).toBeGreaterThan(0);
    await expect.poll(() => table.locator('.ant-table-row').count(), POLL).toBe(n);
    // The export: the list's columns (alerts have no ledger), exactly the filtered alerts.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^黑臭预警列表\d{8}\.xlsx$/);
    const sheet = await readTable(fs.readFileSync(await download.path()), 'list.xlsx');
    expect(sheet.headers.slice(0, 5)).toEqual(['预警日期', '河涌', '责任单位', '分级', '预警内容']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => String(r.cells.预警内容).includes('程界涌') && r.cells.状态 === '待处置')).toBe(true);
    await shot(page, 'rivers-alerts-filtered');
    expect(errors).toEqual([]);
  });

  it('shows a river’s trend chart and its section class over the year', async () => {
    const { page, errors } = await newPage();
    await login(page, 'leader');
    await page.goto(`${baseUrl}/rivers`);
    await page.getByRole('row').filter({ hasText: '珠江前航道' }).click();
    await page.getByTestId('section-class').waitFor();
    expect(await page.getByTestId('section-class').innerText()).toContain('猎德：IV类');
    expect(await page.getByTestId('class-method-text').innerText()).toContain('评价方法：月均值最差月份法');
    // The other method: the period mean of 地表水环境质量评价办法（试行）.
    await page.getByTestId('class-method').getByText('时段均值法').click();
    await page.getByTestId('class-method-text').filter({ hasText: '环办〔2011〕22号' }).waitFor();
    expect(await page.getByTestId('section-class').innerText()).toContain('猎德：III类');
    await page.getByTestId('river-trend').locator('canvas').first().waitFor();
    await shot(page, 'rivers-river-page');
    expect(errors).toEqual([]);
  });
});

describe('flood pages', () => {
  it('plots the risk points on the map and opens a point with its progress', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    await page.getByRole('menuitem', { name: '水浸风险点' }).click();
    await page.getByRole('row').filter({ hasText: 'THSJ-001' }).waitFor();
    await shot(page, 'flood-risk-points', false);
    await page.getByRole('tab', { name: '分布图' }).click();
    await page.getByTestId('risk-map').locator('canvas').first().waitFor();
    await shot(page, 'flood-risk-map', false);
    await page.getByRole('tab', { name: '列表' }).click();
    // The list (RecordList) opens a point by its code's link.
    await page.getByRole('row').filter({ hasText: 'THSJ-001' }).getByRole('link', { name: 'THSJ-001' }).click();
    await page.getByText('整治进度').first().waitFor();
    await page.getByTestId('history-event').first().waitFor();
    await shot(page, 'flood-risk-point');
    expect(errors).toEqual([]);
  });

  it('refuses a day without a B role in the roster, and shows the duty and responsible-person pages', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    await page.getByRole('menuitem', { name: '值班表' }).click();
    // The roster opens on the latest month with duty (the demo's May 2023).
    await page.getByRole('row').filter({ hasText: '2023-05-01' }).waitFor();
    await shot(page, 'flood-duty', false);
    await page.getByRole('button', { name: '排班' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '排班（一天）' });
    await modal.locator('input[id="lines_0_person"]').fill('测试甲');
    await modal.locator('input[id="lines_1_person"]').fill('测试乙');
    // Turn the B role into an A role: the day then has no B role.
    const optionA = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^A角$/ });
    await pickOption(page, modal.locator('#lines_1_role'), optionA, /^\s*A角\s*$/);
    await modal.getByRole('button', { name: label('保存') }).click();
    // The refusal's first issue in the form's error (more issues would be listed below it, duty-error-details).
    const err = modal.getByTestId('form-error');
    await err.waitFor();
    expect(await err.innerText()).toContain('没有B角');
    await shot(page, 'flood-duty-error', false);
    await page.goto(`${baseUrl}/flood/works`);
    await page.getByText(/2023年度：2023-03-28/).waitFor();
    await shot(page, 'flood-works', false);
    await page.goto(`${baseUrl}/public/flood/responsible-persons`);
    await page.getByText('公示后名单调整').waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/1\d\d\*\*\*\*\d{4}/);
    expect(body).not.toMatch(/1\d{10}/);
    await shot(page, 'flood-public-persons');
    expect(errors).toEqual([]);
  });
});

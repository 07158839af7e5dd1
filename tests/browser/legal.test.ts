// 行政规范性文件 in a real browser against the demo bureau: a demo document's stages and deadlines, then a
// new one taken from drafting through public comment, the legality review's checklist, deliberation,
// publication under the unified number and filing to the public list, and repealed. The legal registers on
// the one list component: a filter lands in the URL, survives a reload and the export downloads exactly the
// filtered rows; the work records open on the latest year with records. Screenshots go to test-results/.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readTable } from '../../src/core/ledger/files.js';
import { browserSuite, label, POLL, pickColumnFilter } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('legal-', { context: { acceptDownloads: true } });
const totalOf = async (text: Promise<string>) => Number(/共\s*(\d+)\s*[件条份]/.exec(await text)?.[1] ?? Number.NaN);

/** Downloads the list's export (xlsx) and reads it. */
async function exported(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  return readTable(fs.readFileSync(await download.path()), 'list.xlsx');
}
/** Types a date into an antd DatePicker of the dialog (by its label) and confirms it. */
async function date(dialog: Locator, field: string, value: string) {
  const input = dialog.getByLabel(field);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}
/** Clicks an action of the document and saves its form. */
async function step(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  // The step's own modal (a closing one may still be in the page).
  const dialog = page.locator('.ant-modal[role="dialog"]', { has: page.locator('.ant-modal-title', { hasText: action }) });
  // On a loaded machine a click can land while the drawer is still settling and open nothing: click again until the
  // step's dialog shows (opening it twice is the same state), for at most 30 s.
  for (let attempt = 1; ; attempt++) {
    await page
      .getByTestId('document-actions')
      .getByRole('button', { name: label(action) })
      .click();
    try {
      await dialog.waitFor({ timeout: 6_000 });
      break;
    } catch (e) {
      if (attempt >= 5) throw e;
    }
  }
  await page.waitForTimeout(300);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: label('保存') }).click();
  try {
    await dialog.waitFor({ state: 'hidden', timeout: 20_000 });
  } catch {
    throw new Error(`the ${action} dialog stayed open: ${await dialog.innerText()}`);
  }
}

describe('行政规范性文件 in the browser', () => {
  it('takes a document from drafting to the public list and repeals it', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.getByRole('menuitem', { name: '规范性文件与合法性审查' }).click();
    await page.getByText('天水规〔2022〕1号').click();
    await page.getByTestId('normative-steps').waitFor();
    expect(await page.getByTestId('document-deadlines').innerText()).toContain('报送备案期限');
    await shot(page, 'demo-document');
    await page.keyboard.press('Escape');

    const title = `浏览器测试管理规定${Date.now() % 100000}`;
    await page.getByRole('button', { name: /起草/ }).first().click();
    const dialog = page.locator('.ant-modal[role="dialog"]');
    await dialog.getByLabel('名称').fill(title);
    await date(dialog, '起草日期', '2026-01-05');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(title).click();
    await page.getByTestId('document-actions').waitFor();

    await step(page, '公开征求意见', async (d) => {
      await date(d, '起始日期', '2026-01-06');
      await date(d, '截止日期', '2026-02-06');
      await d.getByLabel('征求意见方式').fill('局门户网站');
    });
    await step(page, '送合法性审核', async (d) => {
      await d.getByLabel('意见采纳情况').fill('未收到意见');
    });
    await step(page, '合法性审查', async (d) => {
      await d.getByLabel('书面审查意见').fill('制定主体、权限、程序合法，同意');
    });
    await step(page, '集体审议');
    await step(page, '统一编号公布');
    const drawer = page.locator('.ant-drawer-section');
    await expect.poll(() => drawer.innerText(), POLL).toContain('天水规〔2026〕');
    await step(page, '报送备案');
    await expect.poll(() => drawer.innerText(), POLL).toContain('报送（按期）');
    await shot(page, 'published');

    const pub = (await newPage()).page;
    await pub.goto(`${baseUrl}/public/legal/normative-documents`);
    const row = pub.getByTestId('public-normative').locator('tr', { hasText: title });
    await expect.poll(() => row.innerText(), POLL).toContain('现行有效');
    await shot(pub, 'public');

    await step(page, '废止', async (d) => {
      await d.getByLabel('废止理由').fill('浏览器测试');
    });
    await shot(page, 'repealed');
    await expect.poll(() => drawer.innerText(), POLL).toContain('已废止');
    expect(errors).toEqual([]);
  });
});

describe('the legal registers on the one list component', () => {
  it('规范性文件与合法性审查: the kind filter lands in the URL, survives a reload and exports exactly the filtered documents', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.goto(`${baseUrl}/legal/documents`);
    const table = page.getByTestId('documents-table');
    await table.locator('.ant-table-row').first().waitFor();
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBeGreaterThan(0);
    const all = await totalOf(total.innerText());

    const filtered = page.waitForResponse((r) => r.url().includes('/api/legal/documents/list?') && new URL(r.url()).searchParams.get('kind') === '规范性文件');
    await pickColumnFilter(page, table.locator('th', { hasText: '类别' }), '规范性文件');
    const n = ((await (await filtered).json()) as { data: { total: number } }).data.total;
    await expect.poll(() => new URL(page.url()).searchParams.get('kind'), POLL).toBe('规范性文件');
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(all);
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    await table.locator('th', { hasText: '名称' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), POLL).toBe('title');
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('规范性文件');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    const sheet = await exported(page);
    expect(sheet.headers.slice(0, 2)).toEqual(['统一编号', '文件名称']);
    expect(sheet.rows.length).toBe(n);
    await expect.poll(() => table.locator('.ant-table-row').first().locator('a').first().innerText(), POLL).toBe(String(sheet.rows[0]!.cells.文件名称));
    // A document opens in its drawer and closing it keeps the list's query.
    await table.locator('.ant-table-row').first().locator('a').first().click();
    await page.getByTestId('document-actions').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).pathname, POLL).toBe('/legal/documents');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('规范性文件');
    await shot(page, 'documents-filtered');
    expect(errors).toEqual([]);
  });

  it('法律顾问工作台账 opens on the latest year with records; the kind lands in the URL and exports exactly the filtered records', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    const latest = page.waitForResponse((r) => r.url().includes('/api/legal/advice?') && new URL(r.url()).searchParams.get('sort') === 'date');
    await page.goto(`${baseUrl}/legal/advice`);
    const newest = ((await (await latest).json()) as { data: { items: Array<{ date: string }> } }).data.items[0]!.date.slice(0, 4);
    const table = page.getByTestId('advice-table');
    await table.locator('.ant-table-row').first().waitFor();
    // The year picker shows the latest year with records (not the current year, empty in the demo).
    await expect.poll(() => page.getByTestId('list-search').locator('input').first().inputValue(), POLL).toBe(`${newest}年`);
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBeGreaterThan(0);

    const filtered = page.waitForResponse((r) => r.url().includes('/api/legal/advice?') && new URL(r.url()).searchParams.get('kind') === '会议');
    await page.getByTestId('advice-kinds').getByText(/^会议/).click();
    const n = ((await (await filtered).json()) as { data: { total: number } }).data.total;
    await expect.poll(() => new URL(page.url()).searchParams.get('kind'), POLL).toBe('会议');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    await page.reload();
    await table
      .locator('.ant-table-row')
      .first()
      .waitFor({ state: n ? 'visible' : 'attached' });
    expect(new URL(page.url()).searchParams.get('kind')).toBe('会议');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    if (n) {
      const sheet = await exported(page);
      expect(sheet.headers).toEqual(['日期', '类型', '事项名称', '顾问单位', '承办人']);
      expect(sheet.rows.length).toBe(n);
      expect(sheet.rows.every((r) => r.cells.类型 === '会议')).toBe(true);
    }
    await shot(page, 'advice-filtered');
    expect(errors).toEqual([]);
  });

  it('顾问合同: a search lands in the URL and exports exactly the filtered contracts under the list columns', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.goto(`${baseUrl}/legal/contracts`);
    const table = page.getByTestId('contracts-table');
    await table.locator('.ant-table-row').first().waitFor();
    const search = page.getByTestId('list-search');
    await search.getByLabel('查找').fill('2023');
    const filtered = page.waitForResponse((r) => r.url().includes('/api/legal/contracts/list?') && new URL(r.url()).searchParams.get('q') === '2023');
    await search.getByRole('button', { name: label('查询') }).click();
    const n = ((await (await filtered).json()) as { data: { total: number } }).data.total;
    expect(n).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBe('2023');
    const total = page.locator('.ant-pagination-total-text');
    await expect.poll(() => totalOf(total.innerText()), POLL).toBe(n);
    const sheet = await exported(page);
    expect(sheet.headers.slice(0, 4)).toEqual(['合同编号', '顾问单位', '起始日期', '截止日期']);
    expect(sheet.rows.length).toBe(n);
    expect(sheet.rows.every((r) => String(r.cells.合同编号).includes('2023') || String(r.cells.顾问单位).includes('2023'))).toBe(true);
    await shot(page, 'contracts-filtered');
    expect(errors).toEqual([]);
  });
});

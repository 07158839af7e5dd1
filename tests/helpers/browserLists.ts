// What the browser tests of the one list component (RecordList) share: opening a list from the menu, the
// list's total, a column filter picked through its dropdown, a search, a sort, a reload that keeps the query,
// and the filtered export downloaded and read.
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readTable } from '../../src/core/ledger/files.js';
import { label, pickColumnFilter, POLL } from './browser.js';

/** Opens a list from its menu entry (the page must show the menu) and waits for its first rows: its table. */
export async function openFromMenu(page: Page, menu: string, table: string) {
  await page.getByRole('menuitem', { name: menu }).click();
  const t = page.getByTestId(table);
  await t.locator('.ant-table-row').first().waitFor();
  return t;
}

/** The list's total as its pagination says it (共 N 条). */
export const totalOf = async (page: Page) => Number(/共\s*(\d+)/.exec(await page.locator('.ant-pagination-total-text').innerText())?.[1] ?? Number.NaN);

/**
 * Picks an option in a column's filter and waits for the list's request carrying it (`param=value`, or any
 * value when the option's value is an id): the URL carries it too, and the list shows the answer's total.
 */
export async function columnFilter(page: Page, o: { table: string; column: string; option: string; api: string; param: string; value?: string }) {
  const answered = page.waitForResponse((r) => {
    if (!r.url().includes(`${o.api}?`)) return false;
    const v = new URL(r.url()).searchParams.get(o.param);
    return o.value === undefined ? !!v : v === o.value;
  });
  await pickColumnFilter(page, page.getByTestId(o.table).locator('th', { hasText: o.column }), o.option);
  const res = await answered;
  const n = ((await res.json()) as { data: { total: number } }).data.total;
  const value = new URL(res.url()).searchParams.get(o.param);
  await expect.poll(() => new URL(page.url()).searchParams.get(o.param), POLL).toBe(value);
  await expect.poll(() => totalOf(page), POLL).toBe(n);
  return n;
}

/** The export's sheet (downloaded from the list's button, `<title>列表<date>.xlsx`). */
export async function exported(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('list-export').click()]);
  expect(download.suggestedFilename()).toMatch(/列表\d{8}\.xlsx$/);
  return readTable(fs.readFileSync(await download.path()), 'list.xlsx');
}

/** Searches the list (查找, then 查询): the URL carries the text as `q`. */
export async function searchList(page: Page, text: string) {
  await page.getByTestId('list-search').getByLabel('查找').fill(text);
  await page
    .getByTestId('list-search')
    .getByRole('button', { name: label('查询') })
    .click();
  await expect.poll(() => new URL(page.url()).searchParams.get('q'), POLL).toBe(text);
}

/** Sorts the list on a column by clicking its header: the URL carries the server's sort key. */
export async function sortOn(table: Locator, header: string, key: string) {
  await table.locator('th', { hasText: header }).click();
  await expect.poll(() => new URL(table.page().url()).searchParams.get('sort'), POLL).toBe(key);
}

/** Reloads the page: the list comes back from the URL's query, its rows shown and its total `total`. */
export async function reloadList(table: Locator, total: number) {
  await table.page().reload();
  await table.locator('.ant-table-row').first().waitFor();
  await expect.poll(() => totalOf(table.page()), POLL).toBe(total);
}

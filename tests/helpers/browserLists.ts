// What the browser tests of the one list component (RecordList) share: the list's total, a column filter
// picked through its dropdown, and the filtered export downloaded and read.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { readTable } from '../../src/core/ledger/files.js';
import { label, POLL } from './browser.js';

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
  await page.getByTestId(o.table).locator('th', { hasText: o.column }).locator('.ant-table-filter-trigger').click();
  await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: o.option }).click();
  await page
    .locator('.ant-dropdown:visible')
    .getByRole('button', { name: label('确定') })
    .click();
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

// Forms that help (issue #14 item 5): an intake time picked or typed as clerks write it, now by default,
// and a guard on leaving an edited form or narrative (in-app navigation asks; a save does not).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, pickOption, POLL } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('forms-');

/** The leave guard's dialog. */
const leaveDialog = (page: Page) => page.locator('.ant-modal-confirm').filter({ hasText: '离开此页？' });

describe('forms', () => {
  it('the 12345 intake starts at now, takes 2022/9/29 9:30, and asks before leaving with typed-in fields', async () => {
    const { page, errors } = await newPage();
    await login(page, 'clerk');
    await page.goto(`${baseUrl}/hotline/new`);
    const time = page.getByLabel('受理时间', { exact: true });
    // Now, to the minute, in Beijing time (the browser's zone is the machine's; compare the date only).
    await expect.poll(() => time.inputValue(), POLL).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // Nothing typed yet: the menu leaves without asking.
    await page.getByRole('menuitem', { name: '首页' }).first().click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/hotline/new`);

    await page.getByLabel('事项').fill('浏览器测试：离开前提示');
    await page.getByRole('menuitem', { name: '首页' }).first().click();
    await leaveDialog(page).waitFor();
    await shot(page, 'leave-guard');
    await leaveDialog(page).getByRole('button', { name: '留在此页' }).click();
    await leaveDialog(page).waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/hotline/new');
    expect(await page.getByLabel('事项').inputValue()).toBe('浏览器测试：离开前提示');

    // A time typed the way clerks write it is taken; the save goes to the new record without asking.
    await page.getByLabel('工单编号').fill(`GZ12345-FORMS-${Date.now()}`);
    await time.click();
    await time.fill('2022/9/29 9:30');
    // Enter commits the time and does not submit the form.
    await time.press('Enter');
    await time.blur();
    expect(new URL(page.url()).pathname).toBe('/hotline/new');
    await expect.poll(() => time.inputValue(), POLL).toBe('2022-09-29 09:30');
    await pickOption(
      page,
      page.getByLabel('诉求类型', { exact: true }),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="投诉"]'),
      /^\s*投诉\s*$/,
    );
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/hotline/items/**');
    expect(await leaveDialog(page).count()).toBe(0);
    await page.getByText('2022-09-29 09:30').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('a report narrative with unsaved text asks before the menu leaves it, and leaves when told to', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.goto(`${baseUrl}/reports/rule-of-law/2022`);
    const editor = page.getByTestId('narrative-measures.political');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('未保存的句子。');
    await page.getByRole('menuitem', { name: '首页' }).first().click();
    await leaveDialog(page).waitFor();
    await leaveDialog(page)
      .getByRole('button', { name: /^离\s*开$/ })
      .click();
    await page.waitForURL(`${baseUrl}/`);
    expect(errors).toEqual([]);
  });

  it("the browser's back button asks too: staying keeps the page and its text, leaving goes back", async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.goto(`${baseUrl}/legal/documents`);
    // In the app (one document), so that back is the router's step and not a page load.
    await page.getByRole('menuitem', { name: '法治建设年度报告' }).first().click();
    await page.waitForURL(/\/reports\/rule-of-law\/\d{4}$/);
    const report = new URL(page.url()).pathname;
    const editor = page.getByTestId('narrative-measures.political');
    await editor.waitFor();
    // Not edited yet: back leaves at once (and forward returns).
    await page.evaluate(() => window.history.back());
    await page.waitForURL('**/legal/documents');
    await page.evaluate(() => window.history.forward());
    await page.waitForURL(`${baseUrl}${report}`);
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('返回键前未保存的句子。');

    await page.evaluate(() => window.history.back());
    await leaveDialog(page).waitFor();
    await leaveDialog(page).getByRole('button', { name: '留在此页' }).click();
    await leaveDialog(page).waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(report);
    await expect.poll(() => editor.textContent(), POLL).toContain('返回键前未保存的句子。');

    await page.evaluate(() => window.history.back());
    await leaveDialog(page).waitFor();
    await leaveDialog(page)
      .getByRole('button', { name: /^离\s*开$/ })
      .click();
    await page.waitForURL('**/legal/documents');
    await page.getByRole('heading', { level: 4 }).first().waitFor();
    // Asked once: the dialog closes and is not shown again for the step it let through.
    await leaveDialog(page).waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/legal/documents');
    expect(errors).toEqual([]);
  });
});

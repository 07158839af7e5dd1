// A 12345 order in a real browser, from intake to the caller's satisfaction, by the
// clerk; then the leader's overview. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actInDialog, browserSuite, pickOption, POLL } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('hotline-');

async function pick(page: Page, fieldLabel: string, option: string) {
  const exactly = new RegExp(`^\\s*${option}\\s*$`);
  await pickOption(
    page,
    page.getByLabel(fieldLabel, { exact: true }),
    page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`),
    exactly,
  );
}

const act = (page: Page, button: string, fill?: () => Promise<void>) => actInDialog(page, 'record-actions', button, { fill });

/** Types a time into a date-time picker as a clerk would, commits it (Enter) and closes its panel. */
async function fillTime(page: Page, label: string, text: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await input.blur();
}

describe('12345 order', () => {
  it('goes from intake to satisfaction, with the clock, the history and the server’s field errors', async () => {
    const { page, errors } = await newPage();
    await login(page, 'clerk');
    await page.goto(`${baseUrl}/hotline/new`);
    await page.getByLabel('工单编号').fill('GZ12345-BROWSER-1');
    await fillTime(page, '受理时间', '2022/9/29 10:00');
    await pick(page, '诉求类型', '投诉');
    await pick(page, '承办单位', '排水管理科');
    await page.getByLabel('办理时限（工作日）').fill('3');
    await page.getByLabel('事项').fill('天河路雨后积水');
    await page.getByLabel('联系电话').fill('12345');
    // The form's own submit button (its accessible name changes while it shows a spinner).
    const submit = page.locator('form button[type="submit"]');
    await submit.click();
    // The server names the bad field; the form shows its message under it.
    await page.getByText('联系电话格式无效：12345').waitFor();
    await shot(page, 'intake-error');
    await page.getByLabel('联系电话').fill('13800138000');
    await expect.poll(async () => (await submit.getAttribute('class')) ?? '', { timeout: 30_000 }).not.toContain('ant-btn-loading');
    await submit.click();
    await page.waitForURL('**/hotline/items/**');
    await page.getByTestId('clock-card').getByText('2022-10-09').first().waitFor();
    expect(await page.getByTestId('deadline-text').innerText()).toContain('国庆');
    expect(await page.getByTestId('record-status').innerText()).toBe('待签收');
    await shot(page, 'record-new');

    await act(page, '签收', () => fillTime(page, '时间', '2022-09-29 15:00'));
    await page.getByTestId('record-status').getByText('办理中').waitFor();
    await act(page, '回复诉求人', async () => {
      await page.getByLabel('答复内容').fill('已疏通雨水口，现场无积水，已电话告知诉求人。');
      await fillTime(page, '时间', '2022-09-30 16:00');
    });
    await page.getByTestId('record-status').getByText('已答复').waitFor();
    await act(page, '办结', () => fillTime(page, '时间', '2022-09-30 17:00'));
    await page.getByTestId('record-status').getByText('已办结').waitFor();
    await act(page, '回访评价', async () => {
      await pick(page, '评价', '满意');
      await fillTime(page, '时间', '2022-10-08 10:00');
    });
    await page.getByTestId('satisfaction').getByText('满意').waitFor();
    const actions = ['新建', 'signed', 'replied', 'closed', 'evaluated'];
    await expect.poll(async () => page.getByTestId('history-event').count(), POLL).toBe(actions.length);
    await shot(page, 'record-done');

    await page.goto(`${baseUrl}/hotline?status=`);
    await page.getByTestId('demand-table').waitFor();
    await shot(page, 'list');
    expect(errors).toEqual([]);
  });

  it('shows the leader the overdue demands across the four modules', async () => {
    const { page, errors } = await newPage();
    await login(page, 'leader');
    await page.goto(`${baseUrl}/demands/overview`);
    await page.getByTestId('overview-hotline').waitFor();
    expect(await page.getByTestId('overview-hotline').innerText()).toMatch(/逾期\s*\n?\s*[1-9]/);
    await shot(page, 'overview');
    expect(errors).toEqual([]);
  });
});

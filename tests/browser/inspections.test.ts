// 行政检查 in a real browser against the demo bureau: the 2022 records, an inspection of a new
// enterprise registered through the form with rectification ordered, then checked as rectified;
// the list at phone width. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { browserSuite, label, POLL } from '../helpers/browser.js';
import { usccCheckChar } from '../../src/core/ledger/validators.js';

const { baseUrl, newPage, login, shot } = browserSuite('inspections-');
const USCC = `91440106MA5BRWX01${usccCheckChar('91440106MA5BRWX01')}`;

describe('行政检查 in the browser', () => {
  it('registers an inspection of a new enterprise with rectification ordered, and closes it when rectified', async () => {
    const { page, errors } = await newPage();
    await login(page, 'enforcer');
    await page.goto(`${baseUrl}/inspections/records`);
    await shot(page, 'list-loading');
    await page.getByText('共 33 条').waitFor();
    await page.getByText('2022-JC-0023').waitFor();
    await shot(page, 'list');

    await page.getByTestId('register-record').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.waitForTimeout(300);
    await dialog.getByLabel('检查类别').click();
    await page.getByTitle('投诉举报', { exact: true }).click();
    await dialog.getByText('新检查对象', { exact: true }).click();
    await dialog.getByLabel('名称', { exact: true }).fill('广州市天河区浏览器测试餐饮有限公司');
    await dialog.getByLabel('统一社会信用代码').fill(USCC);
    await dialog.getByLabel('检查依据').click();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('检查人员').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('检查情况').fill('隔油池未定期清掏');
    // Off the plan without a reason: refused on the field, nothing written.
    await dialog.getByLabel('处理结果').click();
    await page.getByTitle('责令整改', { exact: true }).click();
    await dialog.getByLabel('整改期限').click();
    await dialog.getByLabel('整改期限').fill('2027-01-15');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.getByText('计划外的入企检查应填写计划外检查理由').waitFor();
    await dialog.getByLabel('计划外检查理由').fill('群众投诉举报（12345热线转办）');
    await shot(page, 'register');
    // The save button is named 保存 again once the first (refused) save has finished loading: wait for that.
    await expect.poll(() => dialog.getByRole('button', { name: label('保存') }).count(), { timeout: 30_000 }).toBe(1);
    await dialog.getByRole('button', { name: label('保存') }).click();
    await page.waitForURL(/\/inspections\/records\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('record-stage').innerText(), POLL).toBe('整改中');
    expect(await page.getByTestId('record-follow-up').innerText()).toContain('2027-01-15');
    await shot(page, 'ordered');

    await page
      .getByTestId('record-actions')
      .getByRole('button', { name: label('整改完成') })
      .click();
    const d2 = page.getByRole('dialog');
    await d2.waitFor();
    await page.waitForTimeout(300);
    await d2.getByLabel('复查情况').fill('复查已整改到位');
    await d2.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => page.getByTestId('record-stage').innerText(), POLL).toBe('已办结');
    await shot(page, 'closed');
    expect(errors).toEqual([]);
  });

  it('shows the list and the annual plan at phone width without sideways scrolling', async () => {
    const { page, errors } = await newPage(390);
    await login(page, 'enforcer');
    await page.goto(`${baseUrl}/inspections/records`);
    await page.getByText('2022-JC-0023').waitFor();
    await shot(page, 'list-390');
    const wide = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.ant-layout-content *')]
          .filter((e) => !e.closest('.ant-table-content, .ant-table-body') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 8)
          .map((e) => `${e.tagName}.${String((e as HTMLElement).className).slice(0, 60)} ${Math.round(e.getBoundingClientRect().right)}`),
      );
    expect(await wide()).toEqual([]);
    await page.goto(`${baseUrl}/inspections/annual-plans`);
    await page.getByTestId('plan-counts').getByText('超上限').first().waitFor();
    await shot(page, 'annual-390');
    expect(await wide()).toEqual([]);
    expect(errors).toEqual([]);
  });
});

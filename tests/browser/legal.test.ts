// 行政规范性文件 in a real browser against the demo bureau: a demo document's stages and deadlines, then a
// new one taken from drafting through public comment, the legality review's checklist, deliberation,
// publication under the unified number and filing to the public list, and repealed. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, label, POLL } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('legal-');
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

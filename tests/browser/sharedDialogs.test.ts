// The dialogs and list searches moved onto the shared components (issue #12), in a real browser: the 立案 dialog
// (FormModal) takes the bureau's default unit once the units have loaded, refuses empty required fields on its own
// and shows the server's refusal on the field it names; the licensing item dialog does the same and sends the
// version on an edit; the works list's search (textSearch) lands in the URL as `q` and survives a reload.
// Nothing here creates a record: the demo's totals stay as the other browser tests expect them.
// Screenshots of the dialogs in test-results/ (1440 px).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, label, labelIn, openOptions, pickOption, POLL } from '../helpers/browser.js';
import { openFromMenu, searchList, totalOf } from '../helpers/browserLists.js';

const { baseUrl, newPage, login, dialogShot } = browserSuite('shared-dialogs-');

/** The form's field errors as shown (each field's message). */
const fieldErrors = (form: Locator) => form.locator('.ant-form-item-explain-error').allInnerTexts();

/** A date `days` before today in Beijing time, YYYY-MM-DD. */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** The dialog's confirm button, and the POST or PATCH it sends to `path`. */
async function confirm(page: Page, dialog: Locator, button: string, method: string, path: RegExp) {
  const sent = page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
  await dialog.getByRole('button', { name: label(button) }).click();
  return sent;
}

describe('dialogs and searches on the shared components', () => {
  it('立案 from the case list: the default unit, the form’s own refusals, then the server’s on 承办人; nothing filed', async () => {
    const { page, errors } = await newPage();
    await login(page, 'enforcer');
    await page.goto(`${baseUrl}/enforcement/cases`);
    await page.getByTestId('cases-table').locator('.ant-table-row').first().waitFor();
    await page
      .getByRole('button', { name: labelIn('立案') })
      .first()
      .click();
    const dialog = page.locator('.ant-modal:visible');
    const form = page.getByTestId('file-case-form');
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('立案');
    // The enforcer works in 水政监察大队: once the units have loaded it is the unit chosen.
    const unit = form.locator('.ant-form-item').filter({ hasText: '办案单位' }).first();
    await expect.poll(() => unit.locator('.ant-select-content').innerText(), POLL).toBe('水政监察大队');

    // Empty: the form refuses on its own (nothing sent).
    await dialog.getByRole('button', { name: label('立案') }).click();
    await expect
      .poll(() => fieldErrors(form), POLL)
      .toEqual(expect.arrayContaining(['请填写案由', '请填写当事人名称', '请填写违法行为发生日期（用于判断追责时效）', '请选择承办人']));
    await dialogShot(dialog, 'file-case-required', 2000);

    // One officer only: the server refuses (行政处罚法第四十二条) and says so on 承办人; the dates went as YYYY-MM-DD.
    await form.getByLabel('案由').fill('浏览器测试：共享表单立案');
    await form.getByPlaceholder('姓名或单位名称').fill('广州市共享表单测试有限公司');
    const violationOn = form.getByPlaceholder('发生日期');
    await violationOn.click();
    await violationOn.fill(daysAgo(3));
    await violationOn.press('Enter');
    const officers = form.locator('.ant-form-item').filter({ hasText: '承办人' }).first();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-disabled)').filter({ hasText: '（4401' });
    const [name] = (await openOptions(page, officers.locator('.ant-select'), option)) as [string];
    await pickOption(page, officers.locator('.ant-select'), option.filter({ hasText: name }), name.split('（')[0]!, dialog.locator('.ant-modal-title'));
    expect(await officers.locator('.ant-select-selection-item').allInnerTexts()).toEqual([expect.stringContaining(name.split('（')[0]!)]);
    const answer = await confirm(page, dialog, '立案', 'POST', /^\/api\/enforcement\/cases$/);
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    expect(((await answer.json()) as { field?: string }).field).toBe('officerIds');
    await expect.poll(() => officers.locator('.ant-form-item-explain-error').innerText(), POLL).toContain('执法人员不得少于两人');
    expect(new URL(page.url()).pathname).toBe('/enforcement/cases');
    await dialogShot(dialog, 'file-case-refused', 2000);

    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('许可事项目录: the item dialog’s defaults and refusals (a code taken, said on 事项编码), and an edit sent with its version', async () => {
    const { page, errors } = await newPage();
    await login(page, 'licensing');
    await page.goto(`${baseUrl}/licensing/items`);
    const row = page.locator('.ant-table-row').filter({ hasText: 'PS-001' });
    await row.waitFor();

    await page.getByRole('button', { name: labelIn('新增事项') }).click();
    const dialog = page.locator('.ant-modal:visible');
    const form = page.getByTestId('item-form');
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('新增许可事项');
    expect(await form.getByLabel('法定时限（工作日）').inputValue()).toBe('20');
    expect(await form.getByLabel('承诺时限（工作日）').inputValue()).toBe('2');
    expect(await form.locator('.ant-form-item').filter({ hasText: '类别' }).locator('.ant-select-content').innerText()).toBe('排水');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => fieldErrors(form), POLL).toEqual(expect.arrayContaining(['请填写事项编码', '请填写事项名称']));

    // A code already in the catalogue: the server's refusal stands on 事项编码, nothing is created.
    await form.getByLabel('事项编码').fill('PS-001');
    await form.getByLabel('事项名称').fill('浏览器测试重复编码事项');
    const refused = await confirm(page, dialog, '保存', 'POST', /^\/api\/licensing\/items$/);
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    await expect
      .poll(() => form.locator('.ant-form-item').filter({ hasText: '事项编码' }).first().locator('.ant-form-item-explain-error').innerText(), POLL)
      .toBe('事项编码“PS-001”已存在');
    await dialogShot(dialog, 'item-refused', 2000);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // 编辑: the item's values, saved as they are with the version read (a PATCH the server takes).
    await row.getByRole('button', { name: label('编辑') }).click();
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('编辑事项 · 城镇污水排入排水管网许可');
    expect(await form.getByLabel('事项编码').inputValue()).toBe('PS-001');
    expect(await form.getByLabel('设定依据').inputValue()).toBe('《城镇排水与污水处理条例》第二十一条');
    await dialogShot(dialog, 'item-edit', 2000);
    const sent = page.waitForRequest((r) => r.method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/licensing/items/'));
    const saved = await confirm(page, dialog, '保存', 'PATCH', /^\/api\/licensing\/items\/[^/]+$/);
    expect(saved.status(), await saved.text()).toBe(200);
    expect(typeof ((await sent).postDataJSON() as { version?: unknown }).version).toBe('number');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.ant-statistic').first().innerText(), POLL).toContain('93.01');
    expect(errors).toEqual([]);
  });

  it('防汛责任人: the search lands in the URL as q and survives a reload', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    const table = await openFromMenu(page, '防汛责任人', 'works-table');
    const all = await totalOf(page);
    const name = (await table.locator('.ant-table-row').first().locator('td').first().innerText()).trim();
    const answered = page.waitForResponse((r) => r.url().includes('/api/flood/works/list?') && new URL(r.url()).searchParams.get('q') === name);
    await searchList(page, name);
    const n = ((await (await answered).json()) as { data: { total: number } }).data.total;
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThan(all);
    await expect.poll(() => totalOf(page), POLL).toBe(n);
    await page.reload();
    await table.locator('.ant-table-row').first().waitFor();
    await expect.poll(() => page.getByPlaceholder('工程名称、位置或责任人').inputValue(), POLL).toBe(name);
    await expect.poll(() => totalOf(page), POLL).toBe(n);
    expect(errors).toEqual([]);
  });
});

// More hand-built dialogs moved onto the shared FormModal (issue #12), in a real browser: 登记线索 and a clue's
// 移送交办 (案件线索), 换证 and a legal reviewer's 法律职业资格 (执法人员), 收件登记 (许可办件). Each opens with its
// title, fields, defaults and button words and refuses empty required fields on its own; 换证 and 法律职业资格 send
// their values as the API takes them (caught before the server). Nothing here saves a record: the demo's totals
// stay as the other browser tests expect them.
// Screenshots of the dialogs in test-results/ (1440 px).
import { describe, expect, it } from 'vitest';
import type { Locator, Page, Route } from 'playwright-core';
import { browserSuite, label, POLL } from '../helpers/browser.js';
import { openFromMenu } from '../helpers/browserLists.js';

const { baseUrl, newPage, login, dialogShot } = browserSuite('formmodal-dialogs-');

/** The form's field errors as shown (each field's message). */
const fieldErrors = (dialog: Locator) => dialog.locator('.ant-form-item-explain-error').allInnerTexts();

/** Cancels the dialog and waits for it to close. */
async function cancel(dialog: Locator) {
  await dialog.getByRole('button', { name: label('取消') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * The body of the next `method` request to `path`, answered here with an empty 200 so nothing reaches the server
 * (the dialog then closes as on a save).
 */
async function sentBody(page: Page, method: string, path: RegExp): Promise<unknown> {
  return new Promise((resolve) => {
    let done = false;
    const handler = async (route: Route) => {
      const req = route.request();
      if (done || req.method() !== method || !path.test(new URL(req.url()).pathname)) return route.fallback();
      done = true;
      await route.fulfill({ status: 200, json: {} });
      resolve(req.postDataJSON());
      await page.unroute('**/api/**', handler);
    };
    void page.route('**/api/**', handler);
  });
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('more dialogs on FormModal', () => {
  it('案件线索: 登记线索, 移送交办 and 反馈 open with their fields and defaults and refuse empty required fields', async () => {
    const { page, errors } = await newPage();
    await login(page, 'enforcer');
    const table = await openFromMenu(page, '案件线索', 'clues-table');

    await page.getByRole('button', { name: '登记线索' }).click();
    let dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('登记线索');
    // The enforcer works in 水政监察大队: once the units have loaded it is the unit chosen; 巡查发现 and today by default.
    const unit = dialog.locator('.ant-form-item').filter({ hasText: '办理单位' }).first();
    await expect.poll(() => unit.locator('.ant-select-content').innerText(), POLL).toBe('水政监察大队');
    expect(await dialog.locator('.ant-form-item').filter({ hasText: '来源' }).first().locator('.ant-select-content').innerText()).toBe('巡查发现');
    expect(await dialog.getByLabel('收到日期').inputValue()).toBe(today());
    for (const f of ['来源编号（12345工单号、信访件号、移送函号等）', '线索内容', '地点', '涉嫌当事人', '当事人住所（地址）'])
      expect(await dialog.getByLabel(f, { exact: true }).count()).toBe(1);
    await dialogShot(dialog, 'new-clue');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['请填写线索内容']);
    await cancel(dialog);

    // The demo's clue moved to 水政监察大队 by 员村街道 (2023, open, signed for): 移送 and 反馈 are offered.
    await page.goto(`${baseUrl}/enforcement/clues?q=${encodeURIComponent('员村街道移送')}`);
    const row = table.locator('.ant-table-row').filter({ hasText: '员村街道移送' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: label('移送') }).click();
    dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toMatch(/^移送交办：XS2023-\d{4}$/);
    expect(await dialog.getByLabel('日期', { exact: true }).inputValue()).toBe(today());
    await dialogShot(dialog, 'clue-transfer');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['请选择接收单位']);
    await cancel(dialog);

    await row.getByRole('button', { name: label('反馈') }).click();
    dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toMatch(/^反馈：XS2023-\d{4}$/);
    await dialog.getByRole('button', { name: label('确定') }).click();
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['请填写反馈内容']);
    await cancel(dialog);
    expect(errors).toEqual([]);
  });

  it('执法人员: 换证 and a reviewer’s 法律职业资格 open with the record’s values, refuse an empty certificate number and send the dates as YYYY-MM-DD', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    const table = await openFromMenu(page, '执法人员', 'officers-table');
    const row = table.locator('.ant-table-row').first();
    await row.getByRole('button', { name: label('换证') }).click();
    let dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toMatch(/^换证：/);
    const certNo = dialog.getByLabel('新执法证号');
    expect(await certNo.inputValue()).not.toBe('');
    expect(await dialog.getByLabel('发证日期').inputValue()).toBe(today());
    expect(await dialog.getByLabel('有效期至').inputValue()).toBe(`${Number(today().slice(0, 4)) + 5}${today().slice(4)}`);
    await dialogShot(dialog, 'renew-cert');
    await certNo.fill('');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['请填写执法证号']);
    // What 保存 sends (caught before the server, so nothing is saved): the number trimmed, the dates as YYYY-MM-DD.
    const renewal = sentBody(page, 'PATCH', /^\/api\/enforcement\/officers\/[^/]+$/);
    await certNo.fill(' 4401-TEST-0001 ');
    await dialog.getByRole('button', { name: label('保存') }).click();
    expect(await renewal).toMatchObject({
      certNo: '4401-TEST-0001',
      certIssuedOn: today(),
      certValidUntil: `${Number(today().slice(0, 4)) + 5}${today().slice(4)}`,
      version: expect.any(Number),
    });
    await dialog.waitFor({ state: 'hidden' });

    const card = page.getByTestId('legal-reviewers');
    await card.locator('.ant-table-row').first().waitFor();
    await card
      .getByRole('button', { name: /^(修\s*改|登\s*记)$/ })
      .first()
      .click();
    dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toMatch(/的法律职业资格$/);
    expect(await dialog.getByLabel('法律职业资格证书编号').count()).toBe(1);
    expect(await dialog.getByLabel('取得日期').count()).toBe(1);
    await dialogShot(dialog, 'legal-reviewer');
    const qualification = sentBody(page, 'PUT', /^\/api\/enforcement\/legal-reviewers\/[^/]+$/);
    const shownNo = await dialog.getByLabel('法律职业资格证书编号').inputValue();
    const shownOn = await dialog.getByLabel('取得日期').inputValue();
    await dialog.getByRole('button', { name: label('保存') }).click();
    expect(await qualification).toMatchObject({ qualificationNo: shownNo || null, qualifiedOn: shownOn || null, version: expect.any(Number) });
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('许可办件: 收件登记 opens with its defaults and refuses empty required fields', async () => {
    const { page, errors } = await newPage();
    await login(page, 'licensing');
    await openFromMenu(page, '许可办件', 'permits-table');
    await page.getByRole('button', { name: '收件登记' }).click();
    const dialog = page.locator('.ant-modal:visible');
    await dialog.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('收件登记');
    expect(await dialog.getByLabel('收件日期').inputValue()).toBe(today());
    expect(await dialog.getByRole('radio', { name: '网上' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: '法人' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('跑动次数').inputValue()).toBe('0');
    await dialogShot(dialog, 'new-permit');
    await dialog.getByRole('button', { name: label('登记') }).click();
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['请选择许可事项', '请填写申请人']);
    await cancel(dialog);
    expect(errors).toEqual([]);
  });
});

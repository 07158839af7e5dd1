// The water, flood, system and 12345 dialogs moved onto the shared FormModal (issue #12), in a real browser. A
// refusal from the server naming a field shows under that field and saves nothing: 录入水质监测 without a measure
// (溶解氧), 新增河涌 with a name already listed (河涌名称), 登记处置 with only spaces (处置情况), 新建接口密钥 with a
// one-character name (接入方名称), a 12345 order's 移送执法线索 with a blank reason. 排班（一天） keeps its own way of
// saying a refusal: the first issue in the form's error, every issue listed below it. A good 新建接口密钥 and
// 移送执法线索 save; 批量分派 waits for a unit. What is saved here (a key named 表单测试接入方, one order's clue
// request) is counted by no other browser test. The two inline forms on the same submit (useServerSubmit): a risk
// point's 填报进度 and the profile's 修改密码, each refused by the server on its field, nothing saved.
import { describe, expect, it } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { browserSuite, label, labelIn, openOptions, pickOption, POLL } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('formmodal-dialogs3-');

/** The open dialog titled `title` (the title may go on after it, e.g. a count). */
async function dialogTitled(page: Page, title: string): Promise<Locator> {
  const dialog = page.locator('.ant-modal:visible').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
  await dialog.waitFor();
  return dialog;
}

/** The form item labelled `text` (its label exactly). */
const item = (dialog: Locator, text: string) => dialog.locator('.ant-form-item').filter({ has: dialog.page().getByText(text, { exact: true }) });

/** The form's field errors as shown (each field's message). */
const fieldErrors = (dialog: Locator) => dialog.locator('.ant-form-item-explain-error').allInnerTexts();

/**
 * Clicks the dialog's `button` and returns the server's answer to the `method` request on `path`. The button is
 * found by a name that contains its words: after a refused save, the spinner's leave animation can stay in the
 * button (invisible, 0 px wide) and its "loading" stays in the accessible name.
 */
async function submit(dialog: Locator, button: string, method: string, path: RegExp): Promise<Response> {
  const page = dialog.page();
  const answered = page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
  await dialog.getByRole('button', { name: labelIn(button) }).click();
  return answered;
}

/** GET `path` as the signed-in page's user: its `data`. */
async function read<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

/** Today in Beijing, YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('water, flood, system and 12345 dialogs on FormModal', () => {
  it('录入水质监测, 新增河涌 and 登记处置 show the server’s refusal on its field and save nothing; 排班（一天） lists every issue', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    const rivers = await read<Array<{ id: string; name: string }>>(page, '/api/rivers');
    const samples = async () => (await read<{ total: number }>(page, '/api/water-samples/list?page=1&pageSize=1')).total;
    const samplesBefore = await samples();

    // A sample without any measure: the server refuses it on 溶解氧.
    await page.goto(`${baseUrl}/rivers/samples`);
    await page.getByRole('button', { name: '录入监测' }).click();
    let dialog = await dialogTitled(page, '录入水质监测');
    await dialog.locator('#riverId').fill(rivers[0]!.name);
    await pickOption(
      page,
      dialog.locator('#riverId'),
      page.locator('.ant-select-dropdown:visible').getByText(rivers[0]!.name, { exact: true }),
      rivers[0]!.name,
    );
    expect((await submit(dialog, '保存并判定', 'POST', /^\/api\/water-samples$/)).status()).toBeGreaterThanOrEqual(400);
    await expect.poll(() => item(dialog, '溶解氧（mg/L）').locator('.ant-form-item-explain-error').allInnerTexts(), POLL).toEqual(['请至少填写一项监测指标']);
    expect(await fieldErrors(dialog)).toEqual(['请至少填写一项监测指标']);
    expect(await dialog.getByTestId('form-error').count()).toBe(0);
    await shot(page, 'sample-refused', false);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await samples()).toBe(samplesBefore);

    // A river under a name already listed: the server refuses it on 河涌名称.
    await page.goto(`${baseUrl}/rivers`);
    await page.getByRole('button', { name: /新增河涌/ }).click();
    dialog = await dialogTitled(page, '新增河涌');
    await dialog.getByLabel('河涌名称').fill(rivers[0]!.name);
    expect((await submit(dialog, '保存', 'POST', /^\/api\/rivers$/)).status()).toBeGreaterThanOrEqual(400);
    await expect
      .poll(() => item(dialog, '河涌名称').locator('.ant-form-item-explain-error').allInnerTexts(), POLL)
      .toEqual([`河涌“${rivers[0]!.name}”已在名录中`]);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await read<unknown[]>(page, '/api/rivers')).length).toBe(rivers.length);

    // 登记处置 with only spaces passes the form's own check (required), not the server's: refused on 处置情况.
    const open = async () => (await read<{ total: number }>(page, '/api/river-alerts/list?status=open&page=1&pageSize=1')).total;
    const openBefore = await open();
    await page.goto(`${baseUrl}/rivers/alerts?year=`);
    await page.getByTestId('alert-handle').first().click();
    dialog = await dialogTitled(page, '登记处置');
    await dialog.getByLabel('处置情况').fill('   ');
    expect((await submit(dialog, '保存', 'POST', /^\/api\/river-alerts\/[^/]+\/handle$/)).status()).toBeGreaterThanOrEqual(400);
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['处置情况不能为空']);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await open()).toBe(openBefore);

    // Today's roster: one person both A角 and B角 全天 (the shifts overlap), the first with a phone that is no phone.
    const day = async () => (await read<{ entries: unknown[] }>(page, `/api/flood/duty?from=${today()}&to=${today()}`)).entries.length;
    const dayBefore = await day();
    await page.goto(`${baseUrl}/flood/duty`);
    await page
      .getByRole('button', { name: /排\s*班/ })
      .first()
      .click();
    dialog = await dialogTitled(page, '排班（一天）');
    await dialog.locator('input[id="lines_0_person"]').fill('测试甲');
    await dialog.locator('input[id="lines_0_phone"]').fill('123');
    await dialog.locator('input[id="lines_1_person"]').fill('测试甲');
    expect((await submit(dialog, '保存', 'PUT', /^\/api\/flood\/duty$/)).status()).toBeGreaterThanOrEqual(400);
    const error = dialog.getByTestId('form-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('第1条「联系电话」');
    const issues = await dialog.getByTestId('duty-error-details').locator('li').allInnerTexts();
    expect(issues).toHaveLength(2);
    expect(issues[1]).toContain('时间重叠');
    await shot(page, 'duty-refused', false);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await day()).toBe(dayBefore);
    expect(errors).toEqual([]);
  });

  it('新建接口密钥: a name too short refused on 接入方名称 and nothing saved; then the key is created', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    const keys = async () => (await read<Array<{ name: string }>>(page, '/api/api-keys')).map((k) => k.name);
    const before = await keys();
    await page.goto(`${baseUrl}/system/api-keys`);
    await page.getByRole('button', { name: /新建密钥/ }).click();
    const dialog = await dialogTitled(page, '新建接口密钥');
    // One character passes the form's own check (required), not the server's (2 to 50).
    await dialog.getByLabel('接入方名称').fill('甲');
    await dialog.getByLabel('接口权限').click();
    await page.keyboard.type('12345平台推送');
    await pickOption(page, dialog.getByLabel('接口权限'), page.locator('.ant-select-item-option', { hasText: '12345平台推送工单' }), '12345平台推送工单');
    await page.keyboard.press('Escape');
    expect((await submit(dialog, '创建', 'POST', /^\/api\/api-keys$/)).status()).toBeGreaterThanOrEqual(400);
    await expect.poll(() => item(dialog, '接入方名称').locator('.ant-form-item-explain-error').allInnerTexts(), POLL).toEqual(['接入方名称应为2至50个字']);
    expect(await keys()).toEqual(before);

    await dialog.getByLabel('接入方名称').fill('表单测试接入方');
    expect((await submit(dialog, '创建', 'POST', /^\/api\/api-keys$/)).status()).toBe(201);
    expect(await page.getByTestId('apikey-token').innerText({ timeout: 20_000 })).toMatch(/^fzk_[0-9a-f]{32}_/);
    const after = await keys();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toEqual(expect.arrayContaining([...before, '表单测试接入方']));
    await page.getByRole('button', { name: /我已妥善保存/ }).click();
    await page.locator('tr', { hasText: '表单测试接入方' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('移送执法线索 of a 12345 order: a blank reason refused on its field and nothing sent; then the clue is requested; 批量分派 waits for a unit', async () => {
    const { page, errors } = await newPage();
    await login(page, 'clerk');
    type ClueRequest = { orderId: string; reason: string };
    const requests = () => read<ClueRequest[]>(page, '/api/hotline/clue-requests?status=all');
    const before = await requests();
    const orders = await read<{ items: Array<{ id: string }> }>(page, '/api/hotline/items?page=1&pageSize=50');
    const order = orders.items.find((o) => !before.some((r) => r.orderId === o.id));
    expect(order).toBeDefined();
    await page.goto(`${baseUrl}/hotline/items/${order!.id}`);
    await page.getByRole('button', { name: '移送执法线索' }).click();
    const dialog = await dialogTitled(page, '移送执法线索');
    const reason = dialog.getByPlaceholder('涉嫌的违法行为');
    await reason.fill('   ');
    expect((await submit(dialog, '确定', 'POST', /\/clue$/)).status()).toBeGreaterThanOrEqual(400);
    await expect.poll(() => fieldErrors(dialog), POLL).toEqual(['请填写移送理由（涉嫌的违法行为）']);
    expect(await requests()).toHaveLength(before.length);

    await reason.fill('涉嫌未经许可向河涌排放污水');
    expect((await submit(dialog, '确定', 'POST', /\/clue$/)).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    const after = await requests();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((r) => r.orderId === order!.id)?.reason).toBe('涉嫌未经许可向河涌排放污水');

    // 批量分派 waits for a unit: 分派 greyed until one is chosen; cancelled, nothing sent.
    const batchPosts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/batch/')) batchPosts.push(r.url());
    });
    await page.goto(`${baseUrl}/hotline`);
    const table = page.getByTestId('demand-table');
    await table.locator('.ant-table-row').first().locator('.ant-checkbox-input').check();
    await page.getByTestId('list-batch').getByRole('button', { name: '批量分派' }).click();
    const batch = await dialogTitled(page, '批量分派（1 件）');
    const assign = batch.getByRole('button', { name: labelIn('分派') });
    expect(await assign.isDisabled()).toBe(true);
    const units = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const [unit] = await openOptions(page, item(batch, '承办单位').locator('.ant-select'), units);
    await pickOption(page, item(batch, '承办单位').locator('.ant-select'), units.filter({ hasText: unit! }), unit!);
    await expect.poll(() => assign.isDisabled(), POLL).toBe(false);
    await batch.getByRole('button', { name: label('取消') }).click();
    await batch.waitFor({ state: 'hidden' });
    expect(batchPosts).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the inline forms on the shared submit: 填报进度 with a date too early refused on 日期 (nothing saved); 修改密码 with a wrong old password refused (the password unchanged)', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    const points = await read<{ items: Array<{ id: string; code: string; status: string; registeredOn: string }> }>(
      page,
      '/api/flood/risk-points/list?page=1&pageSize=100',
    );
    const point = points.items.find((x) => x.status !== '已完成' && x.registeredOn > '2000-01-02')!;
    const progress = async () => (await read<{ progress: unknown[] }>(page, `/api/flood/risk-points/${point.id}`)).progress.length;
    const before = await progress();
    await page.goto(`${baseUrl}/flood/risk-points/${point.id}`);
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: labelIn('填报进度') }) });
    await form.waitFor();
    const date = form.locator('.ant-picker input').first();
    await date.click();
    await date.fill('2000-01-01');
    await date.press('Enter');
    await form.getByPlaceholder('进展情况').fill('表单测试：日期早于纳入台账');
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && /\/progress$/.test(new URL(r.url()).pathname));
    await form.getByRole('button', { name: labelIn('填报进度') }).click();
    const refusal = await answered;
    expect(refusal.status()).toBe(400);
    const said = (await refusal.json()) as { field: string; message: string };
    expect(said.field).toBe('onDate');
    await expect.poll(() => fieldErrors(form), POLL).toEqual([said.message]);
    expect(await progress()).toBe(before);

    // 修改密码 (the profile page's form): a wrong old password is the server's refusal, shown in the form.
    await page.goto(`${baseUrl}/profile`);
    const pw = page.locator('form').filter({ has: page.getByLabel('原密码') });
    await pw.getByLabel('原密码').fill('Wrong@Password1');
    await pw.getByLabel('新密码', { exact: true }).fill('Another@Pass2026');
    await pw.getByLabel('确认新密码').fill('Another@Pass2026');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/auth/password');
    await pw.getByRole('button', { name: labelIn('修改密码') }).click();
    const answer = await refused;
    expect(answer.status()).toBeGreaterThanOrEqual(400);
    const message = ((await answer.json()) as { message: string }).message;
    await expect.poll(async () => [...(await fieldErrors(pw)), ...(await pw.locator('.ant-alert').allInnerTexts())].join('|'), POLL).toContain(message);
    expect(errors).toEqual([]);
  });
});

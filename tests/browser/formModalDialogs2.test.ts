// The enforcement and demand dialogs moved onto the shared FormModal (issue #12), in a real browser: a penalty
// case's 登记证据 (upload first, then the event with the file's id and the case's version), a 12345 order's 签收
// (the time sent to the minute) and a stale 回复诉求人 (the 409: 确定 greyed, 刷新 reads the order again), 罚没款缴纳地点 and
// 抽取评查案卷. Each shows the server's refusal on the field it names (or above the form) and saves nothing,
// then saves a good submit. The case and the order are this file's own (made through the API); the payment place
// is saved as it was; the review batch is a new one for a street with closed cases.
// Screenshots of the dialogs in test-results/ (1440 px).
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, label, labelIn, pickOption, POLL } from '../helpers/browser.js';
import { onePixelPng as png } from '../helpers/capture.js';

const { baseUrl, newPage, login, dialogShot } = browserSuite('formmodal-dialogs2-');

/** The message under one field of the form (found by its label). */
const fieldError = (form: Locator, fieldLabel: string) =>
  form.locator('.ant-form-item').filter({ hasText: fieldLabel }).first().locator('.ant-form-item-explain-error').innerText();

/**
 * The dialog's confirm button, and the answer to the `method` request to `path` it sends. The button is found by
 * a name it may stand inside: after a save Ant Design's spinner can stay in it, hidden, still named 'loading'.
 */
async function confirm(dialog: Locator, button: string, method: string, path: RegExp) {
  const answer = dialog.page().waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname));
  await dialog.getByRole('button', { name: labelIn(button) }).click();
  return answer;
}

/** The API as the signed-in page calls it (its session and CSRF token). */
async function apiOf(page: Page) {
  const read = async (p: string) => {
    const res = await page.request.get(`${baseUrl}${p}`);
    expect(res.status(), `GET ${p}`).toBe(200);
    return (await res.json()).data;
  };
  const me = await read('/api/auth/me');
  const post = async (p: string, body: unknown) => {
    const res = await page.request.post(`${baseUrl}${p}`, { data: body, headers: { 'x-csrf-token': me.csrfToken } });
    expect(res.status(), `POST ${p}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()).data;
  };
  return { read, post };
}

/** Types a date or a time into a picker, commits it (Enter) and leaves the field. */
async function typeDate(field: Locator, text: string) {
  await field.click();
  await field.fill(text);
  await field.press('Enter');
  await field.blur();
  await expect.poll(() => field.inputValue(), POLL).toBe(text);
}

/** A date `days` before today in Beijing time, YYYY-MM-DD. */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

describe('enforcement and demand dialogs on FormModal', () => {
  it('登记证据: a date before 立案 refused on 取证日期 (nothing saved); then the file uploaded before the event, which names it; a stale second one offers 刷新', async () => {
    const { page, errors } = await newPage();
    await login(page, 'wushan');
    const { read, post } = await apiOf(page);
    const street = (await read('/api/orgs')).find((o: { name: string }) => o.name === '五山街道');
    const officers = await read(`/api/enforcement/officers?orgId=${street.id}`);
    const item = (await read('/api/enforcement/items')).find((i: { delegated: boolean }) => i.delegated);
    const kase = await post('/api/enforcement/cases', {
      orgId: street.id,
      itemId: item.id,
      cause: '在河道管理范围内倾倒建筑垃圾（共享表单登记证据）',
      partyType: '法人',
      partyName: '广州市共享表单证据测试有限公司',
      filedOn: daysAgo(0),
      officerIds: [officers[0].id, officers[1].id],
    });
    await page.goto(`${baseUrl}/enforcement/cases/${kase.id}`);
    await page.getByTestId('action-add_evidence').click();
    const dialog = page.locator('.ant-modal:visible');
    const form = page.getByTestId('case-event-form');
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('登记证据');
    expect(await form.getByLabel('登记日期').inputValue()).toBe(daysAgo(0));

    // Collected the day before the case was filed: the server refuses on 取证日期.
    await form.getByLabel('证据名称').fill('现场照片（排放口）');
    await typeDate(form.getByLabel('取证日期'), daysAgo(1));
    const refused = await confirm(dialog, '确定', 'POST', /\/events\/add_evidence$/);
    expect(refused.status()).toBe(400);
    await expect.poll(() => fieldError(form, '取证日期'), POLL).toBe(`取证日期（${daysAgo(1)}）不能早于立案日期（${daysAgo(0)}）`);
    expect(await dialog.getByTestId('form-error').count()).toBe(0);
    expect((await read(`/api/enforcement/cases/${kase.id}`)).evidence).toEqual([]);
    await dialogShot(dialog, 'evidence-refused');

    // Today, with a photo: the file goes up first, then the event with its id and the version read.
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/')) sent.push(new URL(r.url()).pathname);
    });
    await typeDate(form.getByLabel('取证日期'), daysAgo(0));
    await form.locator('input[type="file"]').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: png(200, 30, 30) });
    await form.getByText('现场照片.png').waitFor();
    const uploaded = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/attachments');
    const event = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/events/add_evidence'));
    const saved = await confirm(dialog, '确定', 'POST', /\/events\/add_evidence$/);
    expect(saved.status(), await saved.text()).toBe(200);
    const attachment = ((await (await uploaded).json()) as { data: { id: string } }).data;
    expect(sent.filter((p) => p === '/api/attachments' || p.endsWith('/events/add_evidence'))).toEqual([
      '/api/attachments',
      `/api/enforcement/cases/${kase.id}/events/add_evidence`,
    ]);
    expect((await event).postDataJSON()).toMatchObject({
      version: kase.version,
      kind: 'photo',
      title: '现场照片（排放口）',
      collectedOn: daysAgo(0),
      on: daysAgo(0),
      attachmentId: attachment.id,
    });
    await dialog.waitFor({ state: 'hidden' });
    expect((await read(`/api/enforcement/cases/${kase.id}`)).evidence).toEqual([
      expect.objectContaining({ title: '现场照片（排放口）', collectedOn: daysAgo(0), attachmentId: attachment.id }),
    ]);

    // A second 登记证据 while someone else registers one through the API: the dialog's version is stale, so
    // 确定 is greyed and 刷新 reads the case again (two pieces of evidence shown, the dialog closed).
    await page.getByTestId('action-add_evidence').click();
    await form.waitFor();
    await form.getByLabel('证据名称').fill('询问笔录（共享表单）');
    const current = await read(`/api/enforcement/cases/${kase.id}`);
    await post(`/api/enforcement/cases/${kase.id}/events/add_evidence`, {
      version: current.version,
      kind: 'photo',
      title: '他人登记的照片',
      collectedOn: daysAgo(0),
      on: daysAgo(0),
    });
    const stale = await confirm(dialog, '确定', 'POST', /\/events\/add_evidence$/);
    expect(stale.status()).toBe(409);
    await expect
      .poll(() => dialog.getByTestId('form-error').locator('.ant-alert-title').innerText(), POLL)
      .toBe(((await stale.json()) as { message: string }).message);
    expect(await dialog.getByRole('button', { name: labelIn('确定') }).isDisabled()).toBe(true);
    await dialog
      .getByTestId('form-error')
      .getByRole('button', { name: label('刷新') })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('他人登记的照片').first().waitFor();
    expect((await read(`/api/enforcement/cases/${kase.id}`)).evidence).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('12345 签收: a time before 受理 refused on 时间 (nothing saved), a good one sent to the minute; a stale 回复诉求人 offers 刷新, which reads the order again', async () => {
    const { page, errors } = await newPage();
    await login(page, 'clerk');
    const { read, post } = await apiOf(page);
    const unit = (await read('/api/orgs')).find((o: { name: string }) => o.name === '排水管理科');
    const refNo = `GZ12345-FORMMODAL-${Date.now()}`;
    const order = await post('/api/hotline/items', {
      refNo,
      receivedAt: `${daysAgo(1)} 08:00`,
      demandType: '咨询',
      title: '共享表单测试：雨水口堵塞',
      content: '共享表单测试：雨水口堵塞',
      orgId: unit.id,
      timeLimit: 3,
    });
    await page.goto(`${baseUrl}/hotline/items/${order.id}`);
    await expect.poll(() => page.getByTestId('record-status').innerText(), POLL).toBe('待签收');

    await page
      .getByTestId('record-actions')
      .getByRole('button', { name: label('签收') })
      .click();
    const dialog = page.locator('.ant-modal:visible');
    const form = page.getByTestId('demand-action-form');
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe(`签收 · ${refNo}`);
    await typeDate(form.getByLabel('时间', { exact: true }), `${daysAgo(2)} 10:00`);
    const refused = await confirm(dialog, '确定', 'POST', /\/sign$/);
    expect(refused.status()).toBe(400);
    await expect.poll(() => fieldError(form, '时间'), POLL).toBe(`日期不能早于受理日期${daysAgo(1)}`);
    expect(await dialog.getByTestId('form-error').count()).toBe(0);
    expect((await read(`/api/hotline/items/${order.id}`)).version).toBe(order.version);
    await dialogShot(dialog, 'sign-refused');

    await typeDate(form.getByLabel('时间', { exact: true }), `${daysAgo(1)} 09:30`);
    const body = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/items/${order.id}/sign`));
    const signed = await confirm(dialog, '确定', 'POST', /\/sign$/);
    expect(signed.status(), await signed.text()).toBe(200);
    expect((await body).postDataJSON()).toEqual({ version: order.version, at: `${daysAgo(1)} 09:30` });
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('签收成功').waitFor();
    await expect.poll(() => page.getByTestId('record-status').innerText(), POLL).toBe('办理中');

    // Replied to through the API while the dialog is open: the dialog's version is stale.
    await page
      .getByTestId('record-actions')
      .getByRole('button', { name: label('回复诉求人') })
      .click();
    await form.waitFor();
    await form.getByLabel('答复内容').fill('已疏通雨水口（共享表单测试）。');
    const current = await read(`/api/hotline/items/${order.id}`);
    await post(`/api/hotline/items/${order.id}/reply`, { version: current.version, content: '已另行答复（共享表单测试）。' });
    const stale = await confirm(dialog, '确定', 'POST', /\/reply$/);
    expect(stale.status()).toBe(409);
    const said = ((await stale.json()) as { message: string }).message;
    // The server's words, 确定 greyed (sending again cannot help) and 刷新, which reads the order again.
    await expect.poll(() => dialog.getByTestId('form-error').locator('.ant-alert-title').innerText(), POLL).toBe(said);
    expect(await form.locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: labelIn('确定') }).isDisabled()).toBe(true);
    expect((await read(`/api/hotline/items/${order.id}`)).version).toBe(current.version + 1);
    await dialogShot(dialog, 'reply-stale');
    await dialog
      .getByTestId('form-error')
      .getByRole('button', { name: label('刷新') })
      .click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByText('已另行答复（共享表单测试）。').count(), POLL).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('罚没款缴纳地点: an account number that is not one refused on 账号 (nothing saved); saved again as it was, with its version', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    const { read } = await apiOf(page);
    const before = await read('/api/enforcement/payment-place');
    await page.goto(`${baseUrl}/enforcement/items`);
    const card = page.getByTestId('payment-place');
    await card.getByText(before.accountNo).waitFor();
    await card.getByRole('button', { name: label('修改') }).click();
    const dialog = page.locator('.ant-modal:visible');
    const form = page.getByTestId('payment-place-form');
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('罚没款缴纳地点');
    expect(await form.getByLabel('开户银行').inputValue()).toBe(before.bank);
    expect(await form.getByLabel('户名').inputValue()).toBe(before.accountName);

    await form.getByLabel('账号').fill('工行账户');
    const refused = await confirm(dialog, '保存', 'PUT', /^\/api\/enforcement\/payment-place$/);
    expect(refused.status()).toBe(400);
    await expect.poll(() => fieldError(form, '账号'), POLL).toBe('账号应为数字（可含空格或“-”）');
    expect(await read('/api/enforcement/payment-place')).toEqual(before);
    await dialogShot(dialog, 'payment-place-refused');

    // The number written with hyphens: saved with the version read, shown on the card; then put back as it was
    // (the dialog reading the new version), so the decisions print what they printed.
    const hyphened = before.accountNo.replaceAll(' ', '-');
    const save = async (accountNo: string, version: number) => {
      await form.getByLabel('账号').fill(accountNo);
      const body = page.waitForRequest((r) => r.method() === 'PUT' && new URL(r.url()).pathname === '/api/enforcement/payment-place');
      const saved = await confirm(dialog, '保存', 'PUT', /^\/api\/enforcement\/payment-place$/);
      expect(saved.status(), await saved.text()).toBe(200);
      expect((await body).postDataJSON()).toEqual({ bank: before.bank, accountName: before.accountName, accountNo, version });
      await dialog.waitFor({ state: 'hidden' });
      await card.getByText(accountNo).waitFor();
      expect(await read('/api/enforcement/payment-place')).toEqual({ ...before, accountNo, version: version + 1 });
    };
    await save(hyphened, before.version);
    await card.getByRole('button', { name: label('修改') }).click();
    await form.waitFor();
    expect(await form.getByLabel('账号').inputValue()).toBe(hyphened);
    await save(before.accountNo, before.version + 1);
    expect(errors).toEqual([]);
  });

  it('抽取评查案卷 and 评分: a year without closed cases refused above the form, a refusal naming 抽取件数 on it (nothing drawn); a good draw opens the batch, whose score sheet shows a refusal on the checklist line it names and saves', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    const { read } = await apiOf(page);
    const drawn = (await read('/api/enforcement/reviews')).length;
    const street = ((await read('/api/enforcement/comparison?year=2022')) as Array<{ orgName: string; closed: number }>).find((r) => r.closed > 0)!;
    await page.goto(`${baseUrl}/enforcement/supervision`);
    await page.getByRole('tab', { name: '案卷评查' }).click();
    await page.getByRole('button', { name: label('抽取案卷') }).click();
    const dialog = page.locator('.ant-modal:visible');
    const form = page.getByTestId('draw-review-form');
    await form.waitFor();
    expect(await dialog.locator('.ant-modal-title').innerText()).toBe('抽取评查案卷');
    expect(await form.getByLabel('结案年度').inputValue()).toBe('2022');
    expect(await form.getByLabel('抽取件数').inputValue()).toBe('3');
    await dialog.getByRole('button', { name: labelIn('抽取') }).click();
    await expect.poll(() => fieldError(form, '被评查街道'), POLL).toBe('请选择街道');

    // Under load the list can stay open over the form after the pick: a click on the title closes it.
    await pickOption(
      page,
      form.getByLabel('被评查街道'),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: street.orgName }),
      street.orgName,
      dialog.locator('.ant-modal-title'),
    );
    await form.getByLabel('结案年度').fill('2000');
    const refused = await confirm(dialog, '抽取', 'POST', /^\/api\/enforcement\/reviews$/);
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    await expect.poll(() => dialog.getByTestId('form-error').innerText(), POLL).toBe(`${street.orgName}2000年没有已结案件可供抽查`);
    expect(await read('/api/enforcement/reviews')).toHaveLength(drawn);

    // The form keeps 抽取件数 within the server's bounds (1–100), so no refusal naming it can come from the page:
    // the server's answer is stood in for, in its own shape and words.
    await page.route('**/api/enforcement/reviews', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 400, json: { code: 'VALIDATION', message: '抽取件数应为1至100', field: 'sampleSize' } })
        : route.fallback(),
    );
    await form.getByLabel('结案年度').fill('2022');
    await dialog.getByRole('button', { name: labelIn('抽取') }).click();
    await expect.poll(() => fieldError(form, '抽取件数'), POLL).toBe('抽取件数应为1至100');
    await expect.poll(() => dialog.getByTestId('form-error').count(), POLL).toBe(0);
    await page.unroute('**/api/enforcement/reviews');
    await dialogShot(dialog, 'draw-refused');

    const saved = await confirm(dialog, '抽取', 'POST', /^\/api\/enforcement\/reviews$/);
    expect(saved.status(), await saved.text()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await page
      .locator('.ant-drawer-title')
      .filter({ hasText: `${street.orgName}2022年度水政执法案卷评查` })
      .waitFor();
    const reviews = (await read('/api/enforcement/reviews')) as Array<{ id: string }>;
    expect(reviews).toHaveLength(drawn + 1);

    // 评分 (the score sheet, labels beside the fields): a refusal naming one checklist line (`scores.<key>`, a
    // nested field) shows on that line and saves nothing; then a good sheet saves the scores and the findings.
    const review = await read(`/api/enforcement/reviews/${(await saved.json()).data.id}`);
    const [first] = review.checklist as Array<{ key: string; label: string; points: number }>;
    await page
      .locator('.ant-drawer-body')
      .getByRole('button', { name: label('评分') })
      .first()
      .click();
    const sheet = page.getByTestId('score-form');
    await sheet.waitFor();
    const scoreDialog = page.locator('.ant-modal:visible');
    await page.route('**/api/enforcement/reviews/*/items/*', (route) =>
      route.fulfill({ status: 400, json: { code: 'VALIDATION', message: `“${first!.label}”得分应在0至${first!.points}之间`, field: `scores.${first!.key}` } }),
    );
    await scoreDialog.getByRole('button', { name: labelIn('保存') }).click();
    await expect.poll(() => fieldError(sheet, first!.label), POLL).toBe(`“${first!.label}”得分应在0至${first!.points}之间`);
    await expect.poll(() => scoreDialog.getByTestId('form-error').count(), POLL).toBe(0);
    await page.unroute('**/api/enforcement/reviews/*/items/*');
    await sheet.getByLabel('发现问题').fill('文书送达回证缺少签收日期');
    const scored = await confirm(scoreDialog, '保存', 'POST', /^\/api\/enforcement\/reviews\/[^/]+\/items\/[^/]+$/);
    expect(scored.status(), await scored.text()).toBe(200);
    await scoreDialog.waitFor({ state: 'hidden' });
    const after = await read(`/api/enforcement/reviews/${review.id}`);
    const item = (after.items as Array<{ findings: string | null; score: number | null }>).find((i) => i.findings === '文书送达回证缺少签收日期');
    expect(item?.score).toBe((review.checklist as Array<{ points: number }>).reduce((n, c) => n + c.points, 0));
    expect(errors).toEqual([]);
  });
});

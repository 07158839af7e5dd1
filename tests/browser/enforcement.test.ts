// The enforcement module in a real browser against the demo bureau (tests/setup/browser.ts):
// a clue taken to an archived case through the case page's allowed actions, and a street
// user who cannot see another street's case. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import type { Locator, Page, Response } from 'playwright-core';
import { browserSuite, labelIn as label, openOptions, pickOption, POLL } from '../helpers/browser.js';

// A long flow on a loaded machine: each action may wait up to 30 s (a page load under load took longer than 15).
const { baseUrl, newPage, login, shot } = browserSuite('enforcement-', { timeout: 30_000 });

/** The case page's own read of the case (GET /api/enforcement/cases/:id), not the list nor its history. */
const caseRead = (r: Response) => r.request().method() === 'GET' && /^\/api\/enforcement\/cases\/[^/]+$/.test(new URL(r.url()).pathname);

/**
 * Opens an action of the case page, lets `fill` fill its form, confirms, and waits for the stage.
 * The dialog closes when the server has accepted the event, but the page shows the case (its stage,
 * its version and the actions allowed now) only once it has read the case again: waiting for that
 * read — not for text that may already be on the page — keeps the next action from starting on the
 * old version (a 409 that leaves the next dialog open) when the stage does not change.
 */
async function act(page: Page, event: string, stage: string | null, fill?: (m: Locator) => Promise<void>) {
  await page.getByTestId(`action-${event}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  if (fill) await fill(modal);
  const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/events/${event}`));
  const reread = page.waitForResponse(caseRead);
  // Whichever way this step fails, the other wait must not end as an unhandled rejection after the test.
  reread.catch(() => {});
  // A form the page refuses on its own (a required field left empty) sends nothing: say which field, not a timeout.
  const refused = modal
    .locator('.ant-form-item-explain-error')
    .first()
    .waitFor()
    .then(async () => `the form refused: ${await modal.locator('.ant-form-item-explain-error').allInnerTexts()}`);
  refused.catch(() => {});
  await modal.getByRole('button', { name: label('确定') }).click();
  const answer = await Promise.race([saved, refused]);
  if (typeof answer === 'string') {
    await shot(page, `${event}-refused`);
    throw new Error(answer);
  }
  expect(answer.status(), await answer.text()).toBe(200);
  await reread;
  await modal.waitFor({ state: 'hidden' });
  if (stage) await expect.poll(() => page.getByTestId('case-stage').innerText(), POLL).toBe(stage);
}

describe('enforcement in the browser', () => {
  it('takes a 12345 clue to an archived case through the allowed actions', async () => {
    const { page, errors } = await newPage();
    await login(page, 'enforcer');
    await page.getByRole('menuitem', { name: '案件线索' }).click();
    await page.getByRole('button', { name: '登记线索' }).click();
    let modal = page.locator('.ant-modal:visible');
    await pickOption(
      page,
      modal.locator('.ant-form-item').filter({ hasText: '来源' }).first().locator('.ant-select'),
      page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^12345$/ }),
      '12345',
      modal.locator('.ant-modal-title'),
    );
    // Its own wording per attempt: a retry meets the first attempt's clue in the same database.
    const site = `浏览器测试工地${Date.now() % 100000}`;
    await modal.getByLabel('来源编号（12345工单号、信访件号、移送函号等）').fill(`GD12345-BROWSER-${Date.now()}`);
    await modal.getByLabel('线索内容').fill(`市民反映${site}向河涌排放黄泥水`);
    await modal.getByLabel('涉嫌当事人').fill('广州市浏览器测试建筑有限公司');
    await modal.getByRole('button', { name: label('登记') }).click();
    const row = page.getByTestId('clues-table').getByRole('row').filter({ hasText: site });
    await row.waitFor();
    await shot(page, 'clue-registered');

    await row.getByRole('button', { name: label('立案') }).click();
    modal = page.locator('.ant-modal:visible');
    const officers = modal.locator('.ant-form-item').filter({ hasText: '承办人' });
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '（4401' });
    const [first, second] = (await openOptions(page, officers.locator('.ant-select'), options, 2)) as [string, string];
    // One at a time, each by its name, until its tag shows: on a loaded machine the list re-renders
    // after a pick, and a second click by position could land before the first was taken.
    for (const name of [first, second]) await pickOption(page, officers.locator('.ant-select'), options.filter({ hasText: name }), name.split('（')[0]!);
    await modal.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    const chosen = await officers.innerText();
    expect(chosen).toContain(first.split('（')[0]);
    expect(chosen).toContain(second.split('（')[0]);
    await modal.getByRole('button', { name: label('立案') }).click();
    await page.waitForURL('**/enforcement/cases/*', { timeout: 30_000 }).catch(async (e) => {
      await shot(page, 'file-failed');
      throw e;
    });
    await expect.poll(() => page.getByTestId('case-stage').innerText(), POLL).toBe('调查取证');
    // The server says why 拟定处罚意见 is not yet possible: no evidence.
    expect(await page.getByTestId('blocked-actions').innerText()).toContain('尚未登记任何证据');
    await shot(page, 'case-filed');

    await act(page, 'add_evidence', '调查取证', async (m) => m.getByLabel('证据名称').fill('现场照片（排放口）'));
    await act(page, 'propose', '拟处罚（待告知）', async (m) => m.getByLabel('罚款金额（元）').fill('100'));
    await act(page, 'notify', '已告知（待决定）');
    expect(await page.getByTestId('blocked-actions').innerText()).toContain('期满或当事人明确放弃后方可决定');
    await shot(page, 'case-notified');
    await act(page, 'waive_rights', '已告知（待决定）');
    // 行政处罚法第五十七条: the officer submits, the head decides; the officer is offered no decision.
    await act(page, 'submit_decision', '待负责人审批', async (m) => {
      await m.getByLabel('违法事实和证据').fill('当事人在建工地向河涌排放黄泥水，有现场照片为证');
      await m.getByLabel('处罚依据').fill('《广州市排水管理办法》第四十五条');
    });
    expect(await page.getByTestId('action-decide').count()).toBe(0);
    const head = await newPage();
    await login(head.page, 'leader');
    await head.page.goto(page.url());
    await expect.poll(() => head.page.getByTestId('case-stage').innerText(), POLL).toBe('待负责人审批');
    await act(head.page, 'decide', '已决定（待送达）');
    expect(await head.page.getByTestId('case-approval').innerText()).toContain('李局长（行政机关负责人）');
    await shot(head.page, 'case-decided-by-head');
    expect(head.errors).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByTestId('case-stage').innerText(), POLL).toBe('已决定（待送达）');
    await act(page, 'serve', '已送达（待执行）');
    await act(page, 'publish', '已送达（待执行）');
    await act(page, 'execute', '执行完毕（待结案）');
    await act(page, 'close', '已结案');
    await act(page, 'archive', '已归档');
    const timeline = page.getByTestId('history-event');
    await expect.poll(() => timeline.count(), POLL).toBeGreaterThan(10);
    const text = await page.locator('.ant-timeline').innerText();
    for (const s of ['立案', '登记证据', '告知', '作出决定', '送达', '已公示', '执行完毕', '结案', '归档']) expect(text).toContain(s);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-archive').click();
    expect((await download).suggestedFilename()).toMatch(/^案卷-天水执立〔\d{4}〕\d+号\.zip$/);
    await shot(page, 'case-archived');
    expect(errors).toEqual([]);
  });

  it("shows a street user only its own street's cases; another street's case is not found", async () => {
    const other = await newPage();
    await login(other.page, 'yuancun');
    const yuancunCase = await other.page.evaluate(async () => (await (await fetch('/api/enforcement/cases')).json()).data[0]);
    expect(yuancunCase.orgName).toBe('员村街道');

    const { page, errors } = await newPage();
    await login(page, 'wushan');
    await page.getByRole('menuitem', { name: '行政处罚案件' }).click();
    const table = page.getByTestId('cases-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const units = await table.locator('tbody tr.ant-table-row td:nth-child(2)').allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set(['五山街道']));
    expect(await table.innerText()).not.toContain('员村街道');
    await shot(page, 'street-cases');

    await page.goto(`${baseUrl}/enforcement/cases/${yuancunCase.id}`);
    await page.getByText('案件不存在或无权访问').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(yuancunCase.caseNo);
    await shot(page, 'street-other-case');
    expect(errors).toEqual([]);
  });
});

// Ledger imports in a real browser, by the clerk: a 12345 order closed late is imported
// through the wizard (its finding shown in the preview and the result, not blocking),
// the import appears in 导入记录 with its finding, the record's page shows the finding
// and where it came from, and the import is undone. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { browserSuite } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('imports-', { context: { acceptDownloads: true } });

const HEADER = '工单编号,受理时间,诉求类型,诉求内容,承办单位,办理时限,办结时间,回复时间,满意度';

describe('ledger imports', () => {
  it('shows a late order’s finding in the preview, the history, the record page, and undoes the import', async () => {
    const { page, errors } = await newPage();
    // Unique per run: the browser tests share one server, and a rerun must not meet this run's order.
    const stamp = Date.now().toString().slice(-6);
    const orderNo = `GZ-BT-${stamp}`;
    const filename = `12345工单-${stamp}.csv`;
    const csv = `${HEADER}\n${orderNo},2026-03-02 09:00,投诉,井盖缺失,排水管理科,3,2026-03-20 10:00,2026-03-20 10:00,满意\n`;

    await login(page, 'clerk');
    await page.goto(`${baseUrl}/ledgers`);
    await page.getByRole('button', { name: '导入记录' }).waitFor();
    const ledgerRow = page.getByRole('row').filter({ hasText: '12345工单台账' });
    await ledgerRow.getByRole('button', { name: /导\s*入$/ }).click();
    await page.waitForURL('**/ledgers/hotline-orders/import');

    // Preview (dry run): the finding is listed, with the Alert saying it does not block.
    await page.locator('input[type=file]').setInputFiles({ name: filename, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-ready').waitFor();
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增\s*1[\s\S]*更新\s*0[\s\S]*未变\s*0/);
    const alert = await page.getByTestId('import-findings-alert').innerText();
    expect(alert).toContain('以下 1 条为历史记录违反规则之处，将照实导入并在记录上标注，不阻止导入');
    const findingRows = page.getByTestId('import-findings').locator('tbody tr.ant-table-row');
    expect(await findingRows.count()).toBe(1);
    const cells = await findingRows.first().getByRole('cell').allInnerTexts();
    expect(cells[0]).toBe('第2行');
    expect(cells[2]).not.toBe('');
    expect(cells[3]).toBe('12345平台工单下达的办理时限');
    const findingMessage = cells[2]!;
    // The rule's key (e.g. hotline.late_close) is never on screen.
    expect(await page.getByTestId('import-findings').innerText()).not.toMatch(/[a-z]+[._][a-z_]+/);
    await shot(page, 'preview-findings');

    // The import itself: the same finding in the result, and a link to its record in 导入记录.
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入成功').waitFor();
    expect(await page.getByTestId('import-findings-alert').innerText()).toContain('以下 1 条为历史记录违反规则之处');
    await shot(page, 'done');
    await page.getByTestId('import-record-link').click();
    await page.waitForURL('**/ledgers/imports?id=*');
    const detail = page.getByTestId('import-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toMatch(/[0-9a-f]{64}/);
    expect(await page.getByTestId('import-detail-findings').innerText()).toContain(findingMessage);
    await shot(page, 'detail', false);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });

    // 导入记录 from the menu: newest first, with its one finding.
    await page.goto(`${baseUrl}/ledgers`);
    await page.getByRole('menuitem', { name: '导入记录' }).click();
    await page.waitForURL('**/ledgers/imports');
    const importRow = page.getByTestId('imports-table').getByRole('row').filter({ hasText: filename });
    await importRow.waitFor();
    expect(await importRow.innerText()).toContain('12345工单台账');
    expect(await importRow.getByTestId('import-findings-count').innerText()).toBe('1 条');
    expect(await importRow.getByTestId('import-state').innerText()).toContain('有效');
    await shot(page, 'history');

    // The record's page: the finding, and the history line naming the file and the row.
    await importRow.getByRole('button', { name: /详情/ }).click();
    await page.getByTestId('import-detail-findings').getByRole('link', { name: '查看' }).click();
    await page.waitForURL('**/hotline/items/**');
    const findings = page.getByTestId('record-findings');
    await findings.waitFor();
    const findingsText = await findings.innerText();
    expect(findingsText).toContain(findingMessage);
    expect(findingsText).toContain('依据');
    expect(findingsText).toContain('来自导入第2行');
    const line = page.getByTestId('history-import').first();
    await line.waitFor();
    expect(await line.innerText()).toContain(`从台账文件「${filename}」第2行导入`);
    await shot(page, 'record');

    // Undo from 导入记录: the import is marked 已撤销 with who did it.
    await page.getByRole('menuitem', { name: '导入记录' }).click();
    await page.waitForURL('**/ledgers/imports');
    const row = page.getByTestId('imports-table').getByRole('row').filter({ hasText: filename });
    await row.getByRole('button', { name: /撤销/ }).click();
    await page.getByRole('button', { name: '撤销导入' }).click();
    await expect.poll(async () => row.getByTestId('import-state').innerText(), { timeout: 20_000 }).toContain('已撤销');
    expect(await row.getByTestId('import-state').innerText()).toContain('于');
    expect(await row.getByRole('button', { name: /撤销/ }).count()).toBe(0);
    await shot(page, 'undone');
    expect(errors).toEqual([]);
  });
});

/** The system pages' modal forms: the server's refusals land on the field they name; cancelling writes nothing. */
import { describe, expect, it } from 'vitest';
import { browserSuite, label, openOptions, pickOption, POLL } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('system-forms-');

describe('系统 → 表单', () => {
  it('新建用户 and 重置密码 show the server’s refusal on the field; 单位 and 节假日调整 open and close', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    await page.goto(`${baseUrl}/system/users`);
    await page.getByTestId('users-table').locator('.ant-table-row').first().waitFor();

    // A taken username: the server's 409 names the field, shown under it.
    await page.getByRole('button', { name: /新建用户/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('admin');
    await dialog.getByLabel('姓名').fill('测试');
    const nodes = page.locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper');
    const [org] = await openOptions(page, dialog.getByLabel('所属单位'), nodes);
    await pickOption(page, dialog.getByLabel('所属单位'), nodes.filter({ hasText: org! }), org!);
    const roles = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    const [role] = await openOptions(page, dialog.getByLabel('角色'), roles);
    await pickOption(page, dialog.getByLabel('角色'), roles.filter({ hasText: role! }), role!);
    await page.keyboard.press('Escape');
    await dialog.getByLabel('初始密码').fill('Qw7!river-Pass');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/users') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: label('保存') }).click();
    expect((await created).status()).toBe(409);
    await dialog.locator('.ant-form-item-explain-error', { hasText: '用户名“admin”已被使用' }).waitFor();
    await shot(page, 'user-taken');
    await dialog.getByRole('button', { name: label('取消') }).click();
    await expect.poll(() => page.getByRole('dialog').count(), POLL).toBe(0);

    // A weak password: refused by the policy, on the field; the intro stays above.
    await page
      .getByTestId('users-table')
      .locator('.ant-table-row')
      .first()
      .getByRole('button', { name: /重置密码/ })
      .click();
    const reset = page.getByRole('dialog');
    await reset.getByText('重置后该用户已登录的会话立即失效').waitFor();
    await reset.getByLabel('新的初始密码').fill('abcdefgh');
    const patched = page.waitForResponse((r) => r.url().includes('/api/users/') && r.request().method() !== 'GET');
    await reset.getByRole('button', { name: label('重置') }).click();
    expect((await patched).status()).toBe(400);
    await reset.locator('.ant-form-item-explain-error').first().waitFor();
    await shot(page, 'reset-weak');
    await reset.getByRole('button', { name: label('取消') }).click();

    await page.goto(`${baseUrl}/system/orgs`);
    await page.getByRole('button', { name: /新建单位/ }).click();
    await page.getByRole('dialog').getByText('新建单位').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label('保存') })
      .click();
    await page.getByRole('dialog').getByText('请输入单位名称').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label('取消') })
      .click();

    await page.goto(`${baseUrl}/system/calendar`);
    await page.getByRole('button', { name: /新增/ }).first().click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label('保存并重算期限') })
      .waitFor();
    await shot(page, 'override');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label('取消') })
      .click();
    expect(errors).toEqual([]);
  });
});

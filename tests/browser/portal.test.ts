// The citizens' portal at a phone's width (issue 15 part 2): from the sign-in page to the portal,
// an online disclosure request with an attachment, the receipt number and secret, the status page
// with the due date, then the clerk signed in finds the request with channel 网络. And the API keys
// page (part 3): create a key, its token shown once, revoke it. Screenshots go to test-results/.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, label, pickOption, screenshot, signIn } from '../helpers/browser.js';

const baseUrl = inject('baseUrl');
let session: Awaited<ReturnType<typeof browserSession>>;
beforeAll(async () => {
  session = await browserSession();
});
afterAll(async () => {
  await session?.close();
});
const newPage = (width = 1440) => session.page(width);
const login = (page: Page, username: string) => signIn(page, baseUrl, username);
const shot = (page: Page, name: string) => screenshot(page, `portal-${name}`);
/** A page on a loaded machine answers slowly: poll longer than vitest's 1 s. */
const POLL = { timeout: 15_000, interval: 100 };

/** Whether the page is wider than its window (something overflowing sideways). */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe("the citizens' portal at 390 px", () => {
  it('sign-in page → portal → disclosure request → receipt → status → the clerk sees it', async () => {
    const { page, errors } = await newPage(390);
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-portal-link').click();
    await page.waitForURL(/\/public$/);
    for (const title of [
      '网上申请政府信息公开',
      '网上信访',
      '查询办理进度',
      '执法决定公示',
      '行政执法事前公开',
      '防汛责任人',
      '规范性文件',
      '重大行政决策事项目录',
    ])
      await expect.poll(() => page.getByText(title, { exact: true }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('portal-bureau').innerText(), POLL).toContain('水务局');
    expect(await overflows(page)).toBe(false);
    await shot(page, 'home-390');

    await page.getByText('网上申请政府信息公开', { exact: true }).click();
    await page.waitForURL(/\/public\/disclosure\/apply$/);
    await page.getByLabel('姓名').fill('张三');
    // A wrong check digit first: the server names the field.
    await page.getByLabel('证件号码').fill('440106199001011230');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('电子邮箱').fill('zs@example.com');
    await page.getByLabel('所需信息的内容描述').fill('2022年天河区河道排污口设置审批的批复文件');
    await page.locator('input[type="file"]').setInputFiles({ name: '身份证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% test\n') });
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts(), POLL).toContainEqual(expect.stringContaining('校验位'));
    expect(await overflows(page)).toBe(false);
    await shot(page, 'apply-error-390');
    const first17 = '44010619900101123';
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const check = '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0) % 11]!;
    await page.getByLabel('证件号码').fill(first17 + check);
    await page.getByTestId('apply-submit').click();
    const receiptNo = (await page.getByTestId('receipt-no').innerText({ timeout: 20_000 })).replaceAll('-', '').trim();
    const secret = (await page.getByTestId('receipt-secret').innerText()).replaceAll('-', '').trim();
    expect(receiptNo).toMatch(/^GK[2-9A-Z]{16}$/);
    expect(secret).toMatch(/^[2-9A-Z]{12}$/);
    expect(await page.getByText('查询码只显示这一次', { exact: false }).count()).toBeGreaterThan(0);
    expect(await overflows(page)).toBe(false);
    await shot(page, 'receipt-390');
    const refNo = (await page.getByTestId('receipt-ref').innerText()).trim();

    await page.getByText('查询办理进度', { exact: true }).click();
    await page.waitForURL(/\/public\/status$/);
    await page.getByTestId('status-secret').fill('ABCDEFGHJKMN');
    await page.getByTestId('status-receipt').fill(receiptNo);
    await page.getByTestId('status-submit').click();
    await expect.poll(() => page.getByTestId('status-error').innerText(), POLL).toContain('受理编号或查询码不正确');
    await page.getByTestId('status-secret').fill(secret);
    await page.getByTestId('status-submit').click();
    await page.getByTestId('status-result').waitFor();
    expect(await page.getByTestId('status-due').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('status-result').innerText()).toContain(refNo);
    expect(await overflows(page)).toBe(false);
    await shot(page, 'status-390');

    const clerk = await newPage(1440);
    await login(clerk.page, 'clerk');
    await clerk.page.goto(`${baseUrl}/disclosure`);
    const row = clerk.page.locator('tr', { hasText: refNo });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('网络');
    await shot(clerk.page, 'clerk-queue');
    // The record shows the clerk (who may see applicants' details) the receipt and the contact the reply goes to.
    await row.getByRole('link', { name: refNo }).click();
    await expect.poll(() => clerk.page.getByTestId('online-receipt').innerText(), POLL).toBe(receiptNo);
    const facts = await clerk.page.locator('.ant-descriptions').first().innerText();
    expect(facts).toContain('zs@example.com');
    expect(facts).toContain('申请人类型');
    await shot(clerk.page, 'clerk-record');
    expect(errors).toEqual([]);
    expect(clerk.errors).toEqual([]);
  });

  it('the petition form and the portal home fit a desktop too', async () => {
    const { page, errors } = await newPage(1440);
    await page.goto(`${baseUrl}/public`);
    await page.getByTestId('portal-bureau').waitFor();
    await shot(page, 'home-1440');
    await page.goto(`${baseUrl}/public/petitions/apply`);
    await page.getByLabel('信访请求').waitFor();
    await shot(page, 'petition-1440');
    const phone = await newPage(390);
    await phone.page.goto(`${baseUrl}/public/petitions/apply`);
    await phone.page.getByLabel('信访请求').waitFor();
    expect(await overflows(phone.page)).toBe(false);
    await shot(phone.page, 'petition-390');
    expect(errors).toEqual([]);
  });
});

describe('接口密钥 page', () => {
  it('creates a key with permissions in Chinese, shows the token once, revokes it', async () => {
    const { page, errors } = await newPage(1440);
    await login(page, 'admin');
    await page.goto(`${baseUrl}/system/api-keys`);
    await page.getByRole('button', { name: /新建密钥/ }).click();
    const dialog = page.locator('.ant-modal[role="dialog"]', { has: page.locator('.ant-modal-title', { hasText: '新建接口密钥' }) });
    await dialog.waitFor();
    await dialog.getByLabel('接入方名称').fill('12345热线平台');
    await dialog.getByLabel('接口权限').click();
    await page.keyboard.type('12345平台推送');
    await pickOption(page, dialog.getByLabel('接口权限'), page.locator('.ant-select-item-option', { hasText: '12345平台推送工单' }), '12345平台推送工单');
    await page.keyboard.press('Escape');
    await shot(page, 'apikey-create');
    await dialog.getByRole('button', { name: label('创建') }).click();
    const token = await page.getByTestId('apikey-token').innerText({ timeout: 20_000 });
    expect(token).toMatch(/^fzk_[0-9a-f]{32}_/);
    expect(await page.getByText('密钥只显示这一次').count()).toBeGreaterThan(0);
    await shot(page, 'apikey-token');
    await page.getByRole('button', { name: /我已妥善保存/ }).click();
    const row = page.locator('tr', { hasText: '12345热线平台' });
    await row.waitFor();
    expect(await row.innerText()).toContain('12345平台推送工单（接口）');
    expect(await row.innerText()).toContain('有效');
    expect(await page.content()).not.toContain(token);
    await row.getByRole('button', { name: label('吊销') }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('吊销') })
      .click();
    await expect.poll(() => row.innerText(), POLL).toContain('已吊销');
    await shot(page, 'apikey-list');
    // The revoked key is refused.
    const res = await page.evaluate(
      async (t: string) => (await fetch('/api/hotline/items', { headers: { authorization: `Bearer ${t}` }, credentials: 'omit' })).status,
      token,
    );
    expect(res).toBe(401);
    expect(errors).toEqual([]);
    // On a phone (the same signed-in page narrowed) the list scrolls inside its card; the page itself does not overflow.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.reload();
    await page.locator('tr', { hasText: '12345热线平台' }).first().waitFor();
    expect(await overflows(page)).toBe(false);
    await shot(page, 'apikey-list-390');
    expect(errors).toEqual([]);
  });
});

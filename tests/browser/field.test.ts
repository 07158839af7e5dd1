// The field app on a phone (390×844): a street officer opens the menu drawer, opens an open case
// of the street, takes two photos with the location permitted, goes offline, records a water
// sample (kept on the phone as 待同步), comes back online and sees both synced exactly once — the
// API has the sample once and the two evidences once each, and the case's 执法全过程记录 shows the
// captures. Screenshots go to test-results/field-*.png.
import { describe, expect, it } from 'vitest';
import { browserSuite, POLL } from '../helpers/browser.js';
import { onePixelPng as png } from '../helpers/capture.js';

const PLACE = { latitude: 23.1291, longitude: 113.3644, accuracy: 15 };
const { baseUrl, newPage, login, shot } = browserSuite('field-', {
  timeout: 20_000,
  settle: 500,
  context: { geolocation: PLACE, permissions: ['geolocation'], hasTouch: true, isMobile: true },
});

describe('the field app on a phone', () => {
  it('two photos on a case, a water sample offline, both synced once when back online', async () => {
    const { page, errors } = await newPage(390);
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, 'wushan');
    const get = async (path: string) => (await (await page.request.get(`${baseUrl}${path}`)).json()).data;
    const me = await get('/api/auth/me');
    // A page from the menu drawer; the drawer has closed (and given focus back) before the page is used.
    const openFromMenu = async (name: string) => {
      await page.getByRole('button', { name: '菜单' }).click();
      // The desktop frame's drawer keeps groups closed but the current page's: open 外勤 when its entry is hidden.
      const entry = page.getByRole('menuitem', { name });
      const group = page.locator('.ant-drawer .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title', { hasText: '外勤' });
      await page.locator('.ant-drawer-content-wrapper').waitFor();
      if (!(await entry.isVisible()) && (await group.count())) await group.click();
      await entry.click();
      await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
    };
    const post = async (path: string, body: unknown) =>
      (await (await page.request.post(`${baseUrl}${path}`, { data: body, headers: { 'x-csrf-token': me.csrfToken } })).json()).data;

    // An open case of the street, filed today.
    const street = (await get('/api/orgs')).find((o: { name: string }) => o.name === '五山街道');
    const officers = await get(`/api/enforcement/officers?orgId=${street.id}`);
    const item = (await get('/api/enforcement/items')).find((i: { delegated: boolean }) => i.delegated);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const kase = await post('/api/enforcement/cases', {
      orgId: street.id,
      itemId: item.id,
      cause: '在河道管理范围内倾倒建筑垃圾（外勤取证）',
      partyType: '法人',
      partyName: '广州市外勤测试有限公司',
      filedOn: today,
      officerIds: [officers[0].id, officers[1].id],
    });
    expect(kase.caseNo).toBeTruthy();

    // On a phone the menu is a drawer opened from the header, not a sider.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await openFromMenu('我的案件');
    await page.getByTestId('field-case').filter({ hasText: kase.caseNo }).click();
    await page.getByTestId('place-line').filter({ hasText: '当前位置' }).waitFor();
    await page.getByTestId('evidence-input').setInputFiles([
      { name: '现场照片1.png', mimeType: 'image/png', buffer: png(200, 30, 30) },
      { name: '现场照片2.png', mimeType: 'image/png', buffer: png(30, 200, 30) },
    ]);
    await expect.poll(() => page.getByTestId('capture-item').count(), POLL).toBe(2);
    const listed = await page.getByTestId('capture-list').innerText();
    expect(listed).toContain('23.129100, 113.364400');
    expect(listed).toContain('接收');
    await shot(page, 'case-capture');

    // Offline: the water sample is kept on the phone, shown as 待同步 with its count.
    const rivers = await get('/api/rivers');
    const river = rivers.find((r: { owner: string }) => r.owner === '五山街道');
    const samplesBefore = (await get(`/api/water-samples?riverId=${river.id}`)).length;
    await page.context().setOffline(true);
    await openFromMenu('水质采样');
    await page.locator('#riverId').fill(river.name);
    await page.locator('.ant-select-dropdown').getByText(river.name, { exact: true }).click();
    await page.locator('#doMgl').fill('5.2');
    await page.locator('#nh3nMgl').fill('1.1');
    await page.locator('#transparencyCm').fill('45');
    expect(await page.locator('#doMgl').getAttribute('inputmode')).toBe('decimal');
    expect(await page.locator('#sampledOn').getAttribute('type')).toBe('date');
    await page.getByTestId('sample-photo').setInputFiles({ name: '采样照片.png', mimeType: 'image/png', buffer: png(30, 30, 200) });
    await page.getByTestId('sample-save').click();
    await page.getByRole('button', { name: '待同步 1' }).waitFor();
    await shot(page, 'sample-offline');
    expect((await page.getByTestId('sample-save').boundingBox())!.y).toBeLessThan(844);

    // Back online: synced once.
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-badge').count(), POLL).toBe(0);
    expect((await get(`/api/water-samples?riverId=${river.id}`)).length).toBe(samplesBefore + 1);
    const captures = await get(`/api/enforcement/cases/${kase.id}/field-evidence`);
    expect(captures.map((c: { filename: string }) => c.filename).sort()).toEqual(['现场照片1.png', '现场照片2.png']);
    expect(captures.every((c: { lat: number | null }) => c.lat === 23.1291)).toBe(true);
    expect((await get(`/api/enforcement/cases/${kase.id}`)).evidence).toHaveLength(2);

    // The case's 执法全过程记录 shows the captures.
    await page.goto(`${baseUrl}/enforcement/cases/${kase.id}`);
    const record = page.getByRole('tabpanel').filter({ hasText: '现场取证' });
    await record.waitFor();
    expect(await record.getByText('现场取证', { exact: true }).count()).toBe(2);
    await shot(page, 'case-record');

    // The field home and the outbox page at a phone's width: nothing wider than the screen.
    await page.goto(`${baseUrl}/field`);
    await page.getByText('巡查打卡').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'home');
    expect(errors).toEqual([]);
  });
});

// 巡查打卡 on a phone (390×844): the flood officer opens the field app straight at /field/patrol —
// the page loads the field frame, never the desktop layout or the registry of every module —, with
// the location granted and faked picks a risk point, takes a photo and saves: today's check-ins show
// it with its place. Offline, a second check-in waits on the phone as 待同步; back online it is sent,
// and the server has it exactly once. Screenshots go to test-results/field-patrol-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, POLL } from '../helpers/browser.js';
import { onePixelPng as png } from '../helpers/capture.js';

const PLACE = { latitude: 23.1372, longitude: 113.3411, accuracy: 12 };
const { baseUrl, newPage, login, shot } = browserSuite('field-patrol-', {
  timeout: 20_000,
  settle: 500,
  context: { hasTouch: true, isMobile: true },
});

/** The built files of the desktop frame, which the field app must not fetch. */
function desktopFiles(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('web/dist/.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  return Object.entries(manifest)
    .filter(([k]) => /shell\/(AppPages|components\/MainLayout|components\/SideMenu)\.tsx$/.test(k))
    .map(([, v]) => `/${v.file}`);
}

interface Point {
  id: string;
  code: string;
  name: string;
}

describe('巡查打卡 on a phone', () => {
  it('a check-in with photo and place, one offline kept as 待同步, synced exactly once', async () => {
    const { page, errors } = await newPage(390);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().grantPermissions(['geolocation'], { origin: baseUrl });
    await page.context().setGeolocation(PLACE);
    await login(page, 'flood');
    const get = async (p: string) => (await (await page.request.get(`${baseUrl}${p}`)).json()).data;
    const point = ((await get('/api/flood/risk-points')) as Point[])[0]!;
    expect(point).toBeTruthy();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const checkins = async () => (await get(`/api/flood/checkins?pointId=${point.id}&on=${today}`)) as Array<{ key: string; lat: number | null }>;
    const before = (await checkins()).length;

    // Straight into the field app: its own frame, not the desktop one.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${baseUrl}/field/patrol`);
    await page.getByTestId('place-line').filter({ hasText: '当前位置' }).waitFor();
    expect(scripts.length).toBeGreaterThan(1);
    const desktop = desktopFiles();
    expect(desktop.length).toBe(3);
    expect(scripts.filter((s) => desktop.includes(s))).toEqual([]);
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    expect(await page.title()).toBe('巡查打卡 - 外勤 · 法治水务');

    const pick = async () => {
      await page.locator('#pointId').fill(point.code);
      await page.locator('.ant-select-dropdown').getByText(`${point.code} ${point.name}`, { exact: true }).click();
    };
    // Online: point, note, photo, save → in today's check-ins with its place.
    await pick();
    await page.locator('#note').fill('排水口通畅，无积水');
    await page.getByTestId('checkin-photo').setInputFiles({ name: '打卡照片1.png', mimeType: 'image/png', buffer: png(20, 120, 220) });
    await page.getByAltText('现场照片').waitFor();
    expect((await page.getByTestId('checkin-save').boundingBox())!.y).toBeLessThan(844);
    await page.getByTestId('checkin-save').click();
    const done = page.getByTestId('checkin-item').filter({ hasText: point.name });
    await expect.poll(() => done.count(), POLL).toBe(before + 1);
    const first = await done.first().innerText();
    expect(first).toContain('23.137200, 113.341100');
    expect(first).toContain('排水口通畅，无积水');
    expect(first).toContain('赵防汛');
    expect((await checkins()).length).toBe(before + 1);
    await shot(page, 'online');

    // Offline: the second check-in waits on the phone, shown as 待同步.
    await page.context().setOffline(true);
    await page.getByTestId('checkin-photo').setInputFiles({ name: '打卡照片2.png', mimeType: 'image/png', buffer: png(220, 120, 20) });
    await page.getByAltText('现场照片').waitFor();
    await page.getByTestId('checkin-save').click();
    await page.getByRole('button', { name: '待同步 1' }).waitFor();
    const waiting = page.getByTestId('checkin-waiting');
    await expect.poll(() => waiting.count(), POLL).toBe(1);
    expect(await waiting.innerText()).toContain('待同步');
    expect(await waiting.innerText()).toContain(point.name);
    expect((await checkins()).length).toBe(before + 1);
    await shot(page, 'offline');

    // Back online: sent once — the badge goes, the page lists it as done, the server has it once.
    await page.context().setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-badge').count(), POLL).toBe(0);
    await expect.poll(() => done.count(), POLL).toBe(before + 2);
    expect(await waiting.count()).toBe(0);
    const after = await checkins();
    expect(after).toHaveLength(before + 2);
    expect(new Set(after.map((c) => c.key)).size).toBe(after.length);
    expect(after.every((c) => c.lat === PLACE.latitude)).toBe(true);
    // A later sync (the app starting again) sends nothing twice.
    await page.reload();
    await page.getByTestId('place-line').filter({ hasText: '当前位置' }).waitFor();
    await expect.poll(() => done.count(), POLL).toBe(before + 2);
    expect(await checkins()).toHaveLength(before + 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'synced');
    expect(errors).toEqual([]);
  });
});

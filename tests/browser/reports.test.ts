// The annual report editor and the leaders' dashboard in a real browser against the
// demo bureau (see tests/setup/browser.ts): a narrative edited in the page reaches
// the generated DOCX, a stale save is refused with the server's message, figures link
// to their records; the dashboard draws real charts whose bars and points open their
// records. Screenshots go to test-results/. Which figures exist is read from the API,
// never hard-coded: modules are still being added.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSuite, pickOption } from '../helpers/browser.js';

// Ant Design's transitions and ECharts' animation settle for 500 ms before a screenshot.
const { baseUrl, newPage, login, shot } = browserSuite('', { timeout: 20_000, settle: 500 });
const YEAR = 2022;
const SECTION = 'measures.political';
/** Waiting for the page: vitest's expect.poll gives up after 1 s by default, composing the report takes longer. */
const POLL = { timeout: 20_000, interval: 200 };

/** Picks an option of an Ant Design Select. */
async function choose(page: Page, select: Locator, option: string) {
  await pickOption(page, select, page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }), option);
}

/** GET through the page's session (its cookies). */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${url}`);
  expect(res.status(), url).toBe(200);
  return ((await res.json()) as { data: T }).data;
}

/** Size and drawn pixels of a chart's canvas: an empty canvas has no opaque pixels. */
async function canvasStats(chart: Locator): Promise<{ width: number; height: number; painted: number }> {
  const canvas = chart.locator('canvas').first();
  await canvas.waitFor();
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    const box = c.getBoundingClientRect();
    if (!ctx || !c.width || !c.height) return { width: box.width, height: box.height, painted: 0 };
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) painted++;
    return { width: box.width, height: box.height, painted };
  });
}

/** Where a chart's canvas is on the screen, scrolled into view (mouse clicks do not scroll). */
async function boxOf(chart: Locator) {
  const canvas = chart.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  await chart.page().waitForTimeout(700); // ECharts' entry animation
  const box = await canvas.boundingBox();
  if (!box) throw new Error('chart not on screen');
  return box;
}

interface DashboardData {
  figures: Array<{ key: string; value: unknown }>;
  trends: { months: number[]; series: Array<{ key: string; values: unknown[] }> };
  deadlines: { byModule: Array<{ module: string; overdue: number; dueSoon: number; ok: number }> };
  streets: { metrics: Array<{ key: string; unit: string }>; rows: Array<{ orgId: string; name: string; values: Record<string, unknown>; overdue: number }> };
}

describe('annual report editor', () => {
  it('saves an edited narrative as a new version and the generated DOCX carries it; a stale save gets the conflict message', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');

    await page.getByRole('menuitem', { name: '法治建设年度报告' }).click();
    await page.waitForURL(/\/reports\/rule-of-law\/\d{4}$/);
    await choose(page, page.getByTestId('report-year'), `${YEAR}年度`);
    await page.waitForURL(`**/reports/rule-of-law/${YEAR}`);
    await expect.poll(() => page.getByTestId('report-title').innerText(), POLL).toContain(`${YEAR}年度法治政府建设情况的报告`);

    // The outline: top sections numbered 一、, sub-parts （一）.
    const headings = await page.locator('section[data-section] h4, section[data-section] h5').allInnerTexts();
    expect(headings[0]).toMatch(/^一、/);
    expect(headings.some((h) => h.startsWith('（一）'))).toBe(true);

    // Figures the data cannot support are listed at the top and their sentences flagged (whatever modules are installed).
    const report = await apiGet<{ warnings: string[] }>(page, `/api/reports/rule-of-law/${YEAR}`);
    const flagged = await page.locator('[data-testid=figure-sentence][data-missing]').count();
    if (report.warnings.length) {
      expect(await page.getByTestId('report-warnings').innerText()).toContain('待核实');
      expect(flagged).toBeGreaterThan(0);
    } else expect(flagged).toBe(0);
    const linked = page.locator('a[data-testid=figure-chip]');
    expect(await linked.count()).toBeGreaterThan(0);
    await shot(page, 'report-editor');

    // Edit: type a unique sentence at the end of the paragraph and save.
    const sentence = `浏览器测试于${Date.now()}补充的句子：局党组专题研究年度法治建设任务。`;
    const editor = page.getByTestId(`narrative-${SECTION}`);
    const before = await editor.inputValue();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(sentence);
    expect(await page.getByTestId(`narrative-meta-${SECTION}`).innerText()).toContain('有未保存的修改');
    await page.getByTestId(`narrative-save-${SECTION}`).click();
    await page.getByText(/已保存（第 \d+ 版）/).waitFor();
    await expect.poll(() => page.getByTestId(`narrative-meta-${SECTION}`).innerText(), POLL).not.toContain('未保存');
    expect(await editor.inputValue()).toBe(`${before}\n${sentence}`);

    // Its versions: the new one on top, with the author.
    await page
      .locator(`section[data-section="${SECTION}"]`)
      .getByRole('button', { name: /历史版本/ })
      .first()
      .click();
    const drawer = page.getByRole('dialog').filter({ hasText: '历史版本 ·' });
    await drawer.getByText('当前').waitFor();
    expect(await drawer.innerText()).toContain('陈法制');
    expect(await drawer.innerText()).toContain(sentence);
    await shot(page, 'report-versions', false);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The DOCX, generated through the page's session, carries the sentence.
    const docx = await page.request.get(`${baseUrl}/api/reports/rule-of-law/${YEAR}/document?format=docx`);
    expect(docx.status()).toBe(200);
    const zip = await JSZip.loadAsync(await docx.body());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain(sentence);

    // Someone else saves the paragraph meanwhile: this editor's save is refused with the server's message and the latest text can be loaded.
    const me = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
    const versions = await apiGet<Array<{ version: number; body: string }>>(page, `/api/reports/rule-of-law/${YEAR}/narratives/${SECTION}/versions`);
    const theirs = `${versions[0]!.body}\n另一位同事补充的内容。`;
    const put = await page.request.put(`${baseUrl}/api/reports/rule-of-law/${YEAR}/narratives/${SECTION}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { body: theirs, baseVersion: versions[0]!.version },
    });
    expect(put.status()).toBe(200);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('（我的修改）');
    await page.getByTestId(`narrative-save-${SECTION}`).click();
    await page.getByText('该段落已被他人修改，请刷新后在最新版本上修改').waitFor();
    await shot(page, 'report-conflict', false);
    await page.getByRole('button', { name: '载入最新版本' }).click();
    await expect.poll(() => editor.inputValue(), POLL).toBe(theirs);

    // A count stated 百位取整 reads 'N余' in the sentence; back to 精确 afterwards. The figure is picked from the data.
    type Fig = { metric: string; value: unknown; text: string };
    type Sec = { sentences: Array<{ segments: Array<{ figure?: Fig }> }>; children: Sec[] };
    const figs = (s: Sec): Fig[] => [...s.sentences.flatMap((x) => x.segments.flatMap((g) => (g.figure ? [g.figure] : []))), ...s.children.flatMap(figs)];
    const all = (await apiGet<{ sections: Sec[] }>(page, `/api/reports/rule-of-law/${YEAR}`)).sections.flatMap(figs);
    const count = all.find(
      (f) => typeof f.value === 'number' && Number.isInteger(f.value) && f.value > 100 && f.value % 100 !== 0 && f.text === String(f.value),
    );
    if (count) {
      const wrap = page.locator(`a[data-metric="${count.metric}"]`).first().locator('xpath=..');
      await wrap.scrollIntoViewIfNeeded();
      await wrap.locator('button').click();
      const form = page.getByTestId(`figure-options-${count.metric}`);
      await form.waitFor();
      await choose(page, form.locator('.ant-select'), '百位取整（N余） · 如 200余');
      await shot(page, 'report-figure-options', false);
      await form.getByRole('button', { name: '保存表述' }).click();
      const rounded = `${Math.floor((count.value as number) / 100) * 100}余`;
      await expect.poll(() => page.locator(`a[data-metric="${count.metric}"]`).first().innerText(), POLL).toBe(rounded);
      await page.locator(`a[data-metric="${count.metric}"]`).first().locator('xpath=..').locator('button').click();
      await choose(page, form.locator('.ant-select'), '精确 · 如 293');
      await form.getByRole('button', { name: '保存表述' }).click();
      await expect.poll(() => page.locator(`a[data-metric="${count.metric}"]`).first().innerText(), POLL).toBe(String(count.value));
    }

    // A figure opens its records; 返回 comes back to the report.
    const chip = linked.first();
    const metric = await chip.getAttribute('data-metric');
    await chip.click();
    await page.waitForURL(new RegExp(`/metrics/drill/${metric!.replace(/\./g, '\\.')}\\?year=${YEAR}`));
    await page.getByTestId('drill-total').waitFor();
    await shot(page, 'report-figure-drill');
    await page.getByTestId('drill-back').click();
    await page.waitForURL(`**/reports/rule-of-law/${YEAR}`);
    expect(errors).toEqual([]);
  });
});

describe('leaders’ dashboard', () => {
  it('shows key figures and real charts on the leader’s home page; a street bar and a trend point open their records, a deadline bar its list', async () => {
    const { page, errors } = await newPage();
    await login(page, 'leader');
    const dash = page.getByTestId('dashboard');
    await dash.waitFor();
    await choose(page, page.getByTestId('dashboard-year'), `${YEAR}年`);
    await page.waitForURL(new RegExp(`/\\?year=${YEAR}$`));
    await expect.poll(() => dash.locator('h4').first().innerText(), POLL).toContain(`${YEAR}年`);
    const data = await apiGet<DashboardData>(page, `/api/dashboard?year=${YEAR}`);

    // Key figure cards show numbers.
    await page.getByTestId('key-figure').first().waitFor();
    expect(await page.getByTestId('key-figure').count()).toBe(data.figures.length);
    const values = await page.getByTestId('key-figure-value').allInnerTexts();
    expect(values.filter((v) => /\d/.test(v)).length).toBeGreaterThan(0);

    // The charts are drawn: canvases of real size with pixels on them.
    const charts = ['trend-chart', 'streets-chart', ...(data.deadlines.byModule.length ? ['deadlines-chart'] : [])];
    for (const id of charts) {
      const s = await canvasStats(page.getByTestId(id));
      expect(s.width, id).toBeGreaterThan(200);
      expect(s.height, id).toBeGreaterThan(100);
      expect(s.painted, id).toBeGreaterThan(2000);
    }
    await shot(page, 'dashboard');

    // On paper: A4 landscape without the header and the menu.
    await page.setViewportSize({ width: 1123, height: 794 });
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(600);
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.locator('.home-aside').first().isVisible()).toBe(false);
    await shot(page, 'dashboard-print');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(600);

    // A street bar: the first bar is the street with the most on the first street metric; it opens that metric's records for the street.
    const metric = data.streets.metrics[0]!;
    const num = (v: unknown) => (typeof v === 'number' ? v : 0);
    const top = Math.max(...data.streets.rows.map((r) => num(r.values[metric.key])));
    expect(top).toBeGreaterThan(0);
    const streets = await boxOf(page.getByTestId('streets-chart'));
    const n = data.streets.rows.length;
    // The plot spans 48 px from either side (StreetsChart's grid); the first category's centre, low in the bar.
    await page.mouse.click(streets.x + 48 + (streets.width - 96) / (2 * n), streets.y + streets.height * 0.7);
    await page.waitForURL(new RegExp(`/metrics/drill/${metric.key.replace(/\./g, '\\.')}\\?year=${YEAR}&orgId=`));
    const orgId = new URL(page.url()).searchParams.get('orgId');
    const street = data.streets.rows.find((r) => r.orgId === orgId)!;
    expect(num(street.values[metric.key])).toBe(top);
    await expect.poll(() => page.getByTestId('drill-scope').innerText(), POLL).toContain(street.name);
    const rows = page.getByTestId('drill-records').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await shot(page, 'dashboard-street-drill');
    await page.getByTestId('drill-back').click();
    await page.waitForURL(new RegExp(`/\\?year=${YEAR}$`));

    // A trend point: the month under the click, the nearest line's metric.
    const tb = await boxOf(page.getByTestId('trend-chart'));
    await page.mouse.click(tb.x + tb.width / 2, tb.y + tb.height - 40);
    await page.waitForURL(new RegExp(`/metrics/drill/[^?]+\\?year=${YEAR}&month=\\d+`));
    const key = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(data.trends.series.map((s) => s.key)).toContain(key);
    await page.getByTestId('drill-total').waitFor();
    expect(await page.getByTestId('drill-scope').innerText()).toMatch(new RegExp(`${YEAR}年\\d+月`));
    await page.getByTestId('drill-back').click();
    await page.waitForURL(new RegExp(`/\\?year=${YEAR}$`));

    // A deadline bar: the list of those deadlines.
    if (data.deadlines.byModule.length) {
      const m = data.deadlines.byModule.length;
      const db = await boxOf(page.getByTestId('deadlines-chart'));
      // DeadlinesChart's grid: 88 px left, 36 px top, 24 px bottom; the first row, just right of the axis.
      await page.mouse.click(db.x + 92, db.y + 36 + (db.height - 60) / (2 * m));
      const drawer = page.getByRole('dialog').filter({ hasText: '期限清单 ·' });
      await drawer.waitFor();
      await drawer.getByTestId('deadline-list').locator('tbody tr.ant-table-row').first().waitFor();
      await shot(page, 'dashboard-deadlines', false);
    }
    expect(errors).toEqual([]);
  });

  it('fits a 390 px phone: the key figures and every chart inside the screen, the street chart’s choices scroll in their card', async () => {
    const { page, errors } = await newPage(390);
    await login(page, 'leader');
    await page.goto(`${baseUrl}/?year=${YEAR}`);
    await page.getByTestId('key-figure').first().waitFor();
    await page.getByTestId('streets-chart').locator('canvas').first().waitFor();
    await shot(page, 'dashboard-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});

// The desktop frame in a real browser against the demo bureau (issue 14, "Shell"): breadcrumbs from
// the feature registry (a record page names its record, a crumb links back), the bureau's screen
// watermark (off by default; the admin turns it on; each user sees their own name; it takes no
// clicks), the side menu's groups remembered per user, and a list's active filters as removable tags
// on a phone. Screenshots go to test-results/frame-*.png.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, POLL, submitSignIn, pickColumnFilter } from '../helpers/browser.js';

const { baseUrl, newPage, login, shot } = browserSuite('frame-');

/** The page is no wider than its window (nothing overflows sideways). */
const noOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('breadcrumbs', () => {
  it('name the area, the menu entry and the record on a record page, and the entry links back to the list', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    expect(await page.getByTestId('breadcrumbs').count()).toBe(0); // not on the home page
    await page.goto(`${baseUrl}/enforcement/cases`);
    const crumbs = page.getByTestId('breadcrumbs');
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(/首页\s*\/\s*行政执法\s*\/\s*行政处罚案件$/);
    const first = page.getByTestId('cases-table').locator('tbody tr td a').first();
    await first.waitFor();
    const caseNo = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL(/\/enforcement\/cases\/[0-9a-f-]{36}$/);
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(new RegExp(`行政处罚案件\\s*/\\s*${caseNo.replace(/[()（）〔〕[\]]/g, '.')}$`));
    await shot(page, 'breadcrumbs-case', false);
    await crumbs.getByRole('link', { name: '行政处罚案件' }).click();
    await page.waitForURL(/\/enforcement\/cases(\?.*)?$/);
    await crumbs.getByRole('link', { name: '首页' }).click();
    await page.getByText(/您好/).waitFor();
    expect(errors).toEqual([]);
  });

  it('over a list, name the record its drawer shows (never the list’s own title again), and drop it when the drawer closes', async () => {
    const { page, errors } = await newPage();
    await login(page, 'legal');
    await page.goto(`${baseUrl}/legal/advice`);
    const crumbs = page.getByTestId('breadcrumbs');
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(/法律顾问\s*\/\s*顾问工作台账$/);
    const first = page.locator('.ant-table tbody tr td a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/legal\/advice\/[0-9a-f-]{36}/);
    const title = page.locator('.ant-drawer-title');
    await expect.poll(() => title.innerText(), POLL).not.toBe('工作记录');
    const name = (await title.innerText()).trim();
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(new RegExp(`顾问工作台账\\s*/\\s*${esc}$`));
    expect(await crumbs.innerText()).not.toContain('法律顾问工作台账');
    await page.locator('.ant-drawer-close').click();
    await page.waitForURL(/\/legal\/advice(\?.*)?$/);
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(/顾问工作台账$/);
    expect(errors).toEqual([]);
  });

  it('a register’s tab under its menu entry does not repeat the entry’s name', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    await page.goto(`${baseUrl}/inspections/registers/inspectors`);
    const crumbs = page.getByTestId('breadcrumbs');
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(/行政检查\s*\/\s*抽查名录$/);
    expect((await crumbs.innerText()).match(/抽查名录/g)).toHaveLength(1);
    expect(errors).toEqual([]);
  });

  it('fit a phone’s width on a record page (the area left out, long steps cut), and the field app has none', async () => {
    const { page, errors } = await newPage(390);
    await login(page, 'leader');
    await page.goto(`${baseUrl}/enforcement/cases`);
    const first = page.getByTestId('cases-table').locator('tbody tr td a').first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(/\/enforcement\/cases\/[0-9a-f-]{36}$/);
    const crumbs = page.getByTestId('breadcrumbs');
    await expect.poll(() => crumbs.innerText(), POLL).toMatch(/^首页\s*\/\s*行政处罚案件\s*\/\s*\S+/);
    expect(await noOverflow(page)).toBe(true);
    const box = await crumbs.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await shot(page, 'breadcrumbs-390', false);
    await page.goto(`${baseUrl}/field`);
    await page.getByText('外勤').first().waitFor();
    expect(await page.getByTestId('breadcrumbs').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('screen watermark (屏幕水印)', () => {
  /** The admin's switch on 系统设置, set to `on`. */
  async function setWatermark(page: Page, on: boolean) {
    await page.goto(`${baseUrl}/system/settings`);
    const sw = page.getByTestId('setting-watermark');
    await expect.poll(() => sw.isEnabled(), POLL).toBe(true);
    if ((await sw.getAttribute('aria-checked')) !== String(on)) {
      await sw.click();
      await expect.poll(() => sw.getAttribute('aria-checked'), POLL).toBe(String(on));
    }
  }
  it('is off by default; the admin turns it on; a user sees their own name and date, and clicks go through', async () => {
    const { page, errors } = await newPage();
    await login(page, 'admin');
    expect(await page.getByTestId('screen-watermark').count()).toBe(0);
    const { page: clerk, errors: clerkErrors } = await newPage();
    await setWatermark(page, true);
    try {
      // The admin sees it at once (the session is reloaded).
      await expect.poll(() => page.getByTestId('screen-watermark').getAttribute('data-watermark'), POLL).toMatch(/^系统管理员 admin \d{4}-\d{2}-\d{2}$/);
      await shot(page, 'watermark-settings', false);

      await login(clerk, 'licensing');
      const mark = clerk.getByTestId('screen-watermark');
      await expect.poll(() => mark.getAttribute('data-watermark'), POLL).toMatch(/ licensing \d{4}-\d{2}-\d{2}$/);
      expect(await mark.getAttribute('data-watermark')).not.toContain('系统管理员');
      // The watermark lies over the page but takes no clicks: a menu entry still opens its page.
      await clerk.getByRole('menuitem', { name: '许可办件' }).click();
      await clerk.waitForURL('**/licensing/**');
      await shot(clerk, 'watermark-user', false);
    } finally {
      // The other browser test files share the demo system: the watermark goes off again.
      await setWatermark(page, false);
    }
    await clerk.reload();
    await clerk.getByRole('menuitem', { name: '许可办件' }).waitFor();
    expect(await clerk.getByTestId('screen-watermark').count()).toBe(0);
    expect(errors).toEqual([]);
    expect(clerkErrors).toEqual([]);
  });
});

describe('side menu groups', () => {
  const open = (page: Page) => page.locator('.ant-layout-sider .ant-menu-submenu-open > .ant-menu-submenu-title').allInnerTexts();

  it('a first visit opens only the current page’s group; the groups a user opens are remembered across reloads', async () => {
    const { page, errors } = await newPage();
    await submitSignIn(page, baseUrl, 'leader');
    await page.getByText(/您好/).waitFor();
    await page.locator('.ant-layout-sider li.ant-menu-item').first().waitFor();
    expect(await open(page)).toEqual([]); // the home page: every group closed (a leader's 40-odd entries)
    await page.goto(`${baseUrl}/enforcement/cases`);
    await expect.poll(() => open(page), POLL).toEqual(['行政执法']);
    await page.locator('.ant-layout-sider .ant-menu-submenu-title').filter({ hasText: '系统管理' }).click();
    await expect.poll(() => open(page), POLL).toEqual(['行政执法', '系统管理']);
    await page.reload();
    await page.locator('.ant-layout-sider li.ant-menu-item').first().waitFor();
    await expect.poll(() => open(page), POLL).toEqual(['行政执法', '系统管理']);
    // Closed stays closed too.
    await page.locator('.ant-layout-sider .ant-menu-submenu-title').filter({ hasText: '系统管理' }).click();
    await expect.poll(() => open(page), POLL).toEqual(['行政执法']);
    await page.goto(`${baseUrl}/`);
    await page.getByText(/您好/).waitFor();
    await page.locator('.ant-layout-sider li.ant-menu-item').first().waitFor();
    await expect.poll(() => open(page), POLL).toEqual(['行政执法']);
    await shot(page, 'menu-remembered', false);
    expect(errors).toEqual([]);
  });
});

describe('active filters', () => {
  it('a filtered list on a phone shows its filters as tags in Chinese; removing one unfilters the list and the URL', async () => {
    const { page, errors } = await newPage(390);
    await login(page, 'leader');
    await page.goto(`${baseUrl}/enforcement/cases`);
    const table = page.getByTestId('cases-table');
    await table.locator('tbody tr td a').first().waitFor();
    const total = async () => Number((await page.locator('.ant-pagination-total-text').innerText()).match(/\d+/)?.[0]);
    const all = await total();
    expect(await page.getByTestId('list-filters').count()).toBe(0);

    // 期限 → 已逾期, from the column's filter.
    await pickColumnFilter(page, table.locator('th').filter({ hasText: /^期限$/ }), '已逾期');
    await page.waitForURL(/deadline=overdue/);
    const tag = page.getByTestId('list-filter-deadline');
    await expect.poll(() => tag.innerText(), POLL).toBe('期限：已逾期');
    await expect.poll(total, POLL).toBeLessThan(all);
    // And the search form's text, named by its label.
    await page.getByPlaceholder('案件编号、案由、当事人').fill('天河');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId('list-filter-q').innerText(), POLL).toBe('查找：天河');
    expect(await noOverflow(page)).toBe(true);
    await shot(page, 'filters-390', false);

    await tag.locator('.ant-tag-close-icon').click();
    await expect.poll(() => new URL(page.url()).searchParams.has('deadline'), POLL).toBe(false);
    await expect.poll(() => page.getByTestId('list-filter-deadline').count(), POLL).toBe(0);
    await page.getByTestId('list-filters-clear').click();
    await expect.poll(() => new URL(page.url()).search, POLL).toBe('');
    await expect.poll(() => page.getByTestId('list-filters').count(), POLL).toBe(0);
    await expect.poll(total, POLL).toBe(all);
    expect(errors).toEqual([]);
  });

  it('the water samples open on the latest year with samples, said by its tag; removing it shows every year', async () => {
    const { page, errors } = await newPage();
    await login(page, 'flood');
    await page.goto(`${baseUrl}/rivers/samples`);
    const tag = page.getByTestId('list-filter-year');
    await expect.poll(() => tag.innerText(), POLL).toMatch(/^采样年度：\d{4}年$/);
    const year = (await tag.innerText()).match(/\d{4}/)![0];
    await page.getByTestId('samples-table').locator('tbody tr td a').first().waitFor();
    const dates = await page.getByTestId('samples-table').locator('tbody tr td a').allInnerTexts();
    expect(dates.every((d) => d.startsWith(year))).toBe(true);
    const total = async () => Number((await page.locator('.ant-pagination-total-text').innerText()).match(/\d+/)?.[0]);
    const inYear = await total();
    await tag.locator('.ant-tag-close-icon').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year'), POLL).toBe('');
    await expect.poll(() => page.getByTestId('list-filters').count(), POLL).toBe(0);
    // Every year: more samples than the latest year's.
    await expect.poll(total, POLL).toBeGreaterThan(inYear);
    expect(errors).toEqual([]);
  });
});

/**
 * The registers' lists on the one list component's server side (issue 14 item 4), second part:
 * 行政许可办件 (`/api/licensing/permits`) and 重大行政决策 (`/api/decisions`) — a page with its total,
 * sort on each whitelisted (indexed) column across pages, any other sort refused naming `sort`,
 * filters, the export of exactly the filtered rows under the ledger's headers, and the data scope
 * (a street sees none of the bureau's decisions; permits are not a street's to read at all). The
 * shape of tests/modules/registerLists.test.ts; one demo system for both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';
import { describeLists, listReader, type ListCase } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', licensing: 'licensing', wushan: 'wushan', yuancun: 'yuancun' });

beforeAll(async () => {
  // The demo has three decisions (2022): a few more drafts in other years, off the catalogue, so pages and sorts have rows to order.
  for (const [year, title] of [
    [2023, '制定《天河区河湖长制工作考核办法》'],
    [2023, '编制《天河区节约用水规划》'],
    [2024, '修订《天河区排水许可管理规定》'],
    [2024, '制定《天河区海绵城市建设管理办法》'],
  ] as const) {
    const r = await t.legal.req('POST', '/api/decisions', { year, title, participationRequired: true, expertRequired: true, riskRequired: true });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
});

const LISTS: ListCase[] = [
  {
    name: 'licensing permits',
    list: '/api/licensing/permits',
    export: '/api/licensing/permits/export',
    user: 'licensing',
    sorts: { caseNo: 'caseNo', receivedOn: 'receivedOn', acceptedOn: 'acceptedOn', dueOn: 'dueOn', decidedOn: 'decidedOn' },
    filters: [
      { query: `category=${encodeURIComponent('排水')}`, field: 'category', value: '排水' },
      { query: `category=${encodeURIComponent('水利')}`, field: 'category', value: '水利' },
    ],
    key: { header: '办件编号', field: 'caseNo' },
    ledger: 'permits',
    text: (r) => String(r.applicant),
    yearField: 'receivedOn',
    streets: 'forbidden',
  },
  {
    name: 'major decisions',
    list: '/api/decisions',
    export: '/api/decisions/export',
    user: 'legal',
    sorts: { year: 'year', title: 'title', reviewOn: 'reviewOn', discussionOn: 'discussionOn', publicationOn: 'publicationOn' },
    filters: [
      { query: 'status=drafting', field: 'status', value: 'drafting' },
      { query: 'status=archived', field: 'status', value: 'archived' },
    ],
    key: { header: '决策事项', field: 'title' },
    ledger: 'major-decisions',
    text: (r) => String(r.title),
    yearField: 'year',
    streets: 'none',
  },
];

describeLists(LISTS, t);
const { page, all, exportOf } = listReader(t);

describe('the permit list other modules read', () => {
  it('narrows by status (every demo permit is published: another status gives none)', async () => {
    const everything = await all(LISTS[0]!, '');
    expect((await page(LISTS[0]!, 'status=published')).total).toBe(everything.length);
    expect((await page(LISTS[0]!, 'status=accepted')).total).toBe(0);
    expect((await exportOf(LISTS[0]!, 'status=accepted')).rows).toHaveLength(0);
  });

  it('narrows by 许可事项, and its export too', async () => {
    const everything = await all(LISTS[0]!, '');
    const itemId = String(everything.at(-1)!.itemId);
    const rows = await all(LISTS[0]!, `itemId=${itemId}`);
    expect(rows.length).toBe(everything.filter((r) => r.itemId === itemId).length);
    expect(rows.length).toBeLessThan(everything.length);
    expect((await exportOf(LISTS[0]!, `itemId=${itemId}`)).rows.length).toBe(rows.length);
  });

  it("still finds a permit for a litigation case's challenged act (listLicensingPermits)", async () => {
    const some = (await page(LISTS[0]!, 'pageSize=1')).items[0]!;
    const r = await t.legal.req('GET', `/api/litigation/act-records?actKind=${encodeURIComponent('行政许可')}&q=${encodeURIComponent(String(some.caseNo))}`);
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.data.map((x: { id: string }) => x.id)).toContain(some.id);
  });
});

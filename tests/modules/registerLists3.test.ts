/**
 * The registers' lists on the one list component's server side (issue 14 item 4), third part: the legal
 * module's 规范性文件与合法性审查 (`/api/legal/documents/list`), 法律顾问工作台账 (`/api/legal/advice`) and
 * 常年法律顾问合同 (`/api/legal/contracts/list`, no ledger: exported under the list's columns) — a page with its total, sort on each
 * whitelisted (indexed) column across pages, any other sort refused naming `sort`, filters, the export of
 * exactly the filtered rows under the ledger's headers (the contracts': their own columns), and the data scope (a street may not read the
 * legal registers at all). The shape of tests/modules/registerLists2.test.ts; one demo system for all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';
import { describeLists, listReader, type ListCase } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', wushan: 'wushan', yuancun: 'yuancun' });

beforeAll(async () => {
  // The demo has two advisor contracts (2021, 2023): a few more — one in force for years, one long ended, one not yet begun.
  for (const [contractNo, firm, startOn, endOn, feeYuan] of [
    ['THSW-FLGW-2019-01', '广东某某律师事务所', '2019-01-01', '2019-12-31', 80000],
    ['THSW-FLGW-2024-01', '广州某律师事务所', '2024-01-01', '2030-12-31', 120000.5],
    ['THSW-FLGW-2024-02', '天河某某律师事务所', '2024-06-01', '2030-05-31', null],
    ['THSW-FLGW-2099-01', '未来律师事务所', '2099-01-01', '2099-12-31', 1000],
  ] as const) {
    const r = await t.legal.req('POST', '/api/legal/contracts', { contractNo, firm, startOn, endOn, feeYuan, lawyers: '王律师、李律师' });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
});

const LISTS: ListCase[] = [
  {
    name: 'normative documents and legality reviews',
    list: '/api/legal/documents/list',
    export: '/api/legal/documents/export',
    user: 'legal',
    sorts: { submittedOn: 'submittedOn', reviewedOn: 'reviewedOn', issuedOn: 'issuedOn', docNo: 'docNo', title: 'title' },
    filters: [
      { query: `kind=${encodeURIComponent('三重一大')}`, field: 'kind', value: '三重一大' },
      { query: `kind=${encodeURIComponent('规范性文件')}`, field: 'kind', value: '规范性文件' },
      { query: 'status=published', field: 'status', value: 'published' },
    ],
    key: { header: '文件名称', field: 'title' },
    ledger: 'normative-documents',
    text: (r) => String(r.docNo ?? r.title),
    yearField: 'submittedOn',
    streets: 'forbidden',
  },
  {
    name: 'legal advisor work records',
    list: '/api/legal/advice',
    export: '/api/legal/advice/export',
    user: 'legal',
    sorts: { date: 'date', kind: 'kind', title: 'title' },
    filters: [
      { query: `kind=${encodeURIComponent('合同审查')}`, field: 'kind', value: '合同审查' },
      { query: `kind=${encodeURIComponent('会议')}`, field: 'kind', value: '会议' },
    ],
    key: { header: '事项名称', field: 'title' },
    ledger: 'legal-advice',
    text: (r) => String(r.title),
    yearField: 'date',
    streets: 'forbidden',
  },
];

/** The contract list: no ledger, so its export has the list's own columns. */
const CONTRACTS: ListCase = {
  name: 'advisor contracts (no ledger: exported under its own columns)',
  list: '/api/legal/contracts/list',
  export: '/api/legal/contracts/export',
  user: 'legal',
  sorts: { contractNo: 'contractNo', firm: 'firm', startOn: 'startOn', endOn: 'endOn' },
  filters: [
    { query: 'term=current', field: 'term', value: 'current' },
    { query: 'term=ended', field: 'term', value: 'ended' },
    { query: 'term=upcoming', field: 'term', value: 'upcoming' },
  ],
  key: { header: '合同编号', field: 'contractNo' },
  headers: ['合同编号', '顾问单位', '起始日期', '截止日期', '合同金额（元）', '顾问律师', '采购方式'],
  text: (r) => String(r.firm),
  yearField: 'startOn',
  // Where the term stands today: an unknown standing is refused.
  badFilter: 'term=soon',
  refusedSorts: ['version', 'fee_fen', 'feeYuan'],
  streets: 'forbidden',
};

describeLists([...LISTS, CONTRACTS], t);
const { page, all, exportOf } = listReader(t);

describe('the document list', () => {
  it('finds a document by its number, and narrows by unit', async () => {
    const everything = await all(LISTS[0]!, '');
    const numbered = everything.find((r) => r.docNo)!;
    const found = await all(LISTS[0]!, `q=${encodeURIComponent(String(numbered.docNo))}`);
    expect(found.map((r) => r.id)).toContain(numbered.id);
    expect(found.every((r) => String(r.docNo ?? '').includes(String(numbered.docNo)) || String(r.title).includes(String(numbered.docNo)))).toBe(true);
    const org = String(everything[0]!.orgId);
    const ofOrg = await all(LISTS[0]!, `orgId=${org}`);
    expect(ofOrg.length).toBe(everything.filter((r) => r.orgId === org).length);
    expect((await exportOf(LISTS[0]!, `orgId=${org}`)).rows.length).toBe(ofOrg.length);
  });

  it("keeps the ledger's own export (every normative document) and the old list's array", async () => {
    const normative = await all(LISTS[0]!, `kind=${encodeURIComponent('规范性文件')}`);
    const r = await t.app.inject({ method: 'GET', url: '/api/ledgers/normative-documents/export', headers: { cookie: t.legal.cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const old = await t.legal.req('GET', `/api/legal/documents?kind=${encodeURIComponent('规范性文件')}`);
    expect(old.body.data).toHaveLength(normative.length);
    expect((await page(LISTS[0]!, `status=drafting&kind=${encodeURIComponent('三重一大')}`)).total).toBe(0);
  });
});

describe('the contract list beyond the shared checks', () => {
  const c = CONTRACTS;
  it('narrows by the year begun and the text; exports the fee in yuan; the old list stays', async () => {
    expect((await all(c, 'year=2024')).map((r) => r.contractNo).sort()).toEqual(['THSW-FLGW-2024-01', 'THSW-FLGW-2024-02']);
    expect((await all(c, `q=${encodeURIComponent('天河某某')}`)).map((r) => r.contractNo)).toEqual(['THSW-FLGW-2024-02']);
    expect((await all(c, 'q=2099')).map((r) => r.contractNo)).toEqual(['THSW-FLGW-2099-01']);
    const fee = (await exportOf(c, 'q=2024-01')).rows[0]!.cells['合同金额（元）'];
    expect(Number(fee)).toBe(120000.5);
    const old = await t.legal.req('GET', '/api/legal/contracts');
    expect(old.body.data).toHaveLength((await all(c, '')).length);
  });
});

describe('the work-record list', () => {
  const c = LISTS[1]!;
  it('counts the filtered records by kind; the newest record gives the year the page opens on', async () => {
    const r = await t.legal.req('GET', `${c.list}?year=2022&pageSize=1`);
    const byKind = r.body.data.byKind as Record<string, number>;
    expect(Object.values(byKind).reduce((a, b) => a + b, 0)).toBe(r.body.data.total);
    for (const [kind, n] of Object.entries(byKind)) expect((await page(c, `year=2022&kind=${encodeURIComponent(kind)}`)).total).toBe(n);
    const newest = (await page(c, 'sort=date&order=desc&pageSize=1')).items[0]!;
    const years = (await all(c, '')).map((x) => String(x.date).slice(0, 4));
    expect(String(newest.date).slice(0, 4)).toBe(years.sort().at(-1));
  });

  it("keeps the ledger's own export: every record in the ledger's order", async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/ledgers/legal-advice/export', headers: { cookie: t.legal.cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect((await exportOf(c, '')).rows.length).toBe((await all(c, '')).length);
  });
});

/**
 * The registers' lists on the one list component's server side (issue 14 item 4), third part: the legal
 * module's 规范性文件与合法性审查 (`/api/legal/documents/list`) — a page with its total, sort on each
 * whitelisted (indexed) column across pages, any other sort refused naming `sort`, filters, the export of
 * exactly the filtered rows under the ledger's headers, and the data scope (a street may not read the
 * legal registers at all). The shape of tests/modules/registerLists2.test.ts; one demo system for all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/http.js';
import { serverSuite } from '../helpers/server.js';
import { describeLists, listReader, type ListCase } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', wushan: 'wushan', yuancun: 'yuancun' });
const users: Record<string, Client> = {};

beforeAll(async () => {
  Object.assign(users, { admin: t.admin, legal: t.legal, wushan: t.wushan, yuancun: t.yuancun });
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
];

const suite = { app: () => t.app, users };
describeLists(LISTS, suite);
const { page, all, exportOf } = listReader(suite);

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
    const r = await t.app.inject({ method: 'GET', url: '/api/ledgers/normative-documents/export', headers: { cookie: users.legal!.cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const old = await users.legal!.req('GET', `/api/legal/documents?kind=${encodeURIComponent('规范性文件')}`);
    expect(old.body.data).toHaveLength(normative.length);
    expect((await page(LISTS[0]!, `status=drafting&kind=${encodeURIComponent('三重一大')}`)).total).toBe(0);
  });
});

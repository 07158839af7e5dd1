/**
 * The registers' lists on the one list component's server side (issue 14 item 4): 行政检查记录
 * (`/api/inspections/records/list`) and 行政复议、行政诉讼案件 (`/api/litigation/cases`) — a page with
 * its total, sort on each whitelisted (indexed) column across pages, any other sort refused naming
 * `sort`, filters, the export of exactly the filtered rows under the ledger's headers, and a street
 * that sees none of another unit's rows in the list or the export. The shape of
 * tests/modules/enforcement/lists.test.ts; one demo system for both.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';
import { describeLists, listReader, type ListCase, type Row } from '../helpers/listCases.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', wushan: 'wushan', yuancun: 'yuancun' });

const LISTS: ListCase[] = [
  {
    name: 'inspection records',
    list: '/api/inspections/records/list',
    export: '/api/inspections/records/export',
    user: 'admin',
    sorts: { recordNo: 'recordNo', inspectedOn: 'inspectedOn', rectifyDueOn: 'rectifyDueOn', closedOn: 'closedOn' },
    filters: [
      { query: `kind=${encodeURIComponent('双随机')}`, field: 'kind', value: '双随机' },
      { query: 'stage=closed', field: 'stage', value: 'closed' },
      { query: 'stage=rectifying', field: 'stage', value: 'rectifying' },
    ],
    key: { header: '检查编号', field: 'recordNo' },
    ledger: 'inspection-records',
    text: (r) => String(r.recordNo),
    yearField: 'inspectedOn',
  },
  {
    name: 'litigation cases',
    list: '/api/litigation/cases',
    export: '/api/litigation/cases/export',
    user: 'legal',
    sorts: { caseNo: 'caseNo', receivedOn: 'receivedOn', replyDueOn: 'replyDueOn', outcomeOn: 'outcomeOn', closedOn: 'closedOn' },
    filters: [
      { query: `kind=${encodeURIComponent('诉讼')}`, field: 'kind', value: '诉讼' },
      { query: 'status=closed', field: 'status', value: 'closed' },
    ],
    key: { header: '案号', field: 'caseNo' },
    ledger: 'litigation-cases',
    text: (r) => String(r.caseNo),
    yearField: 'receivedOn',
    streets: { owner: 'wushan', other: 'yuancun' },
  },
];

describeLists(LISTS, t);
const { all } = listReader(t);

describe('the inspection records other modules read', () => {
  it('still answer the unpaged list (GET /api/inspections/records) with its filters', async () => {
    const r = await t.admin.req('GET', `/api/inspections/records?kind=${encodeURIComponent('双随机')}`);
    expect(r.status).toBe(200);
    const listed = await all(LISTS[0]!, `kind=${encodeURIComponent('双随机')}`);
    expect(r.body.data.map((x: Row) => x.id)).toEqual(listed.map((x) => x.id));
  });
});

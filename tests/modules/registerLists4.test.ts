/**
 * The registers' lists on the one list component's server side (issue 14 item 4), fourth part: the
 * 学法用法 registers (`/api/staff/<register>/list`), 黑臭预警 (`/api/river-alerts/list`) and the 双公示
 * register (`/api/publicity/decisions/list`) — a page with its total, sort on each whitelisted (indexed)
 * column across pages, any other sort refused naming `sort`, filters, the export of exactly the filtered
 * rows under the ledger's headers (or the list's own columns where a register has no ledger), and the
 * data scope. The shape of tests/modules/registerLists2.test.ts; one demo system for all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../helpers/http.js';
import { describeLists, listReader, type ListCase } from '../helpers/listCases.js';
import { serverSuite } from '../helpers/server.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', flood: 'flood', wushan: 'wushan', yuancun: 'yuancun' });
const users: Record<string, Client> = {};
/** Another bureau unit than the demo's 依法行政办公室, whose records the unit filter keeps. */
let otherUnit = '';

beforeAll(async () => {
  for (const u of ['admin', 'legal', 'flood', 'wushan', 'yuancun'] as const) users[u] = t[u];
  const orgs = (await t.admin.req('GET', '/api/orgs')).body.data as Array<{ id: string; name: string }>;
  otherUnit = orgs.find((o) => o.name === '水政监察大队')!.id;
  // A second exam in 2023, taken in another unit, so the exam and unit filters have rows to keep and to leave out.
  for (const [person, score] of [
    ['赵一', 58],
    ['钱二', 100],
    ['孙三', 75.5],
  ] as const) {
    const r = await t.legal.req('POST', '/api/staff/exam-results', {
      orgId: otherUnit,
      exam: '2023年度执法人员专项考试',
      date: '2023-05-12',
      person,
      score,
      passMark: 60,
    });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
  }
  STAFF_LISTS[1]!.filters.push({ query: `orgId=${otherUnit}`, field: 'orgId', value: otherUnit });
});

const staffCase = (c: Omit<ListCase, 'export' | 'user' | 'streets'>): ListCase => ({
  ...c,
  export: c.list.replace(/\/list$/, '/export'),
  user: 'legal',
  streets: 'forbidden',
});

const STAFF_LISTS: ListCase[] = [
  staffCase({
    name: 'study sessions',
    list: '/api/staff/study-sessions/list',
    sorts: { date: 'date', topic: 'topic' },
    filters: [{ query: `form=${encodeURIComponent('法治讲座')}`, field: 'form', value: '法治讲座' }],
    key: { header: '主题', field: 'topic' },
    ledger: 'study-sessions',
    text: (r) => String(r.topic),
    yearField: 'date',
  }),
  staffCase({
    name: 'exam results',
    list: '/api/staff/exam-results/list',
    // 成绩 is sorted as a number: checked below (the shared check compares as text).
    sorts: { date: 'date', exam: 'exam', person: 'person' },
    filters: [{ query: `exam=${encodeURIComponent('2023年度执法人员专项考试')}`, field: 'exam', value: '2023年度执法人员专项考试' }],
    key: { header: '姓名', field: 'person' },
    ledger: 'exam-results',
    text: (r) => String(r.person),
    yearField: 'date',
  }),
  staffCase({
    name: 'trainings',
    list: '/api/staff/trainings/list',
    sorts: { date: 'date', topic: 'topic' },
    filters: [
      { query: `audience=${encodeURIComponent('街道')}`, field: 'audience', value: '街道' },
      { query: `audience=${encodeURIComponent('局机关')}`, field: 'audience', value: '局机关' },
    ],
    key: { header: '主题', field: 'topic' },
    ledger: 'trainings',
    text: (r) => String(r.topic),
    yearField: 'date',
  }),
];

const suite = { app: () => t.app, users };
describeLists(STAFF_LISTS, suite);
const { page, all, exportOf } = listReader(suite);

/** A list's numbers in order, nulls last. */
const numericallySorted = (values: Array<number | null>, order: 'asc' | 'desc') => {
  const present = values.filter((v): v is number => v != null).sort((a, b) => (order === 'asc' ? a - b : b - a));
  return [...present, ...values.filter((v) => v == null)];
};

describe('the staff registers', () => {
  it.each(['asc', 'desc'] as const)('sorts exam results by 成绩 and trainings by 参加人数 as numbers (%s)', async (order) => {
    const scores = (await all(STAFF_LISTS[1]!, `sort=score&order=${order}`)).map((r) => r.score as number);
    expect(scores).toEqual(numericallySorted(scores, order));
    expect(new Set(scores).size).toBeGreaterThan(3);
    const trainings = STAFF_LISTS[2]!;
    const attendees = (await all(trainings, `sort=attendees&order=${order}`)).map((r) => r.attendees as number);
    expect(attendees).toEqual(numericallySorted(attendees, order));
  });

  it('narrows by unit: only the other unit’s exam results, in the list and the export', async () => {
    const c = STAFF_LISTS[1]!;
    const rows = await all(c, `orgId=${otherUnit}`);
    expect(rows.map((r) => r.person).sort()).toEqual(['孙三', '赵一', '钱二'].sort());
    expect((await exportOf(c, `orgId=${otherUnit}&sort=score&order=desc`)).rows.map((r) => r.cells['姓名'])).toEqual(['钱二', '孙三', '赵一']);
  });

  it('the 普法 registers (no ledger): paged, sorted, searched, exported under the list’s columns', async () => {
    for (const c of [
      {
        list: '/api/staff/pufa-duties/list',
        sort: 'law',
        field: 'law',
        text: 'law',
        headers: ['年度', '法律法规', '普法内容', '普法对象', '措施'],
        key: '法律法规',
      },
      {
        list: '/api/staff/pufa-activities/list',
        sort: 'title',
        field: 'title',
        text: 'title',
        headers: ['日期', '活动名称', '宣传法规', '地点', '受众人数'],
        key: '活动名称',
      },
    ]) {
      const lc = staffCase({
        name: c.list,
        list: c.list,
        sorts: {},
        filters: [],
        key: { header: c.key, field: c.field },
        ledger: '',
        text: () => '',
        yearField: '',
      });
      const first = await page(lc, 'pageSize=2');
      expect(first.total).toBeGreaterThan(2);
      expect(first.items).toHaveLength(2);
      const sorted = await all(lc, `sort=${c.sort}&order=desc`);
      const values = sorted.map((r) => String(r[c.field]));
      expect(values).toEqual([...values].sort().reverse());
      const table = await exportOf(lc, `sort=${c.sort}&order=desc`);
      expect(table.headers).toEqual(c.headers);
      expect(table.rows.map((r) => String(r.cells[c.key]))).toEqual(values);
      const some = sorted.at(-1)!;
      const found = await all(lc, `q=${encodeURIComponent(String(some[c.text]))}`);
      expect(found.map((r) => r.id)).toContain(some.id);
      expect((await page(lc, 'q=%25')).total).toBe(0);
      const year = await all(lc, 'year=2023');
      expect(year.length).toBeLessThan(sorted.length);
      expect((await exportOf(lc, 'year=2023')).rows).toHaveLength(year.length);
      const bad = await t.legal.req('GET', `${c.list}?sort=version`);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
      expect((await t.wushan.req('GET', c.list)).status).toBe(403);
    }
  });

  it('the unpaged registers stay (other callers): an array of the year’s records', async () => {
    const r = await t.legal.req('GET', '/api/staff/pufa-duties?year=2022');
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.data)).toBe(true);
    expect(r.body.data.length).toBeGreaterThan(0);
    const e = await t.legal.req('GET', `/api/staff/exam-results?exam=${encodeURIComponent('2023年度执法人员专项考试')}`);
    expect(e.body.data).toHaveLength(3);
  });

  it('the ledger’s own export is still every record, oldest first', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/ledgers/exam-results/export', headers: { cookie: t.legal.cookie } });
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
  });
});

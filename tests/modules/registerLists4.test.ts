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
import { readTable } from '../../src/core/ledger/files.js';
import { describeLists, listReader, type ListCase, type Row } from '../helpers/listCases.js';
import { serverSuite } from '../helpers/server.js';

const t = serverSuite({ admin: 'admin', legal: 'legal', flood: 'flood', wushan: 'wushan', yuancun: 'yuancun' });
/** Another bureau unit than the demo's 依法行政办公室, whose records the unit filter keeps. */
let otherUnit = '';

beforeAll(async () => {
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
  // A 2023 duty (the demo's list is 2022's), so the year narrows the duty list too.
  const duty = await t.legal.req('POST', '/api/staff/pufa-duties', { year: 2023, law: '《中华人民共和国水法》', content: '取水许可和水资源有偿使用制度' });
  expect(duty.status, JSON.stringify(duty.body).slice(0, 300)).toBe(201);
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

/** The 普法 registers: no ledger, so their export has the list's own columns. */
const pufaCase = (c: Pick<ListCase, 'name' | 'list' | 'sorts' | 'key' | 'text' | 'yearField' | 'headers'>): ListCase =>
  staffCase({ ...c, filters: [], exportQueries: ['year=2022', `sort=${Object.keys(c.sorts).at(-1)}&order=desc`, ''], yearNarrows: true });
const PUFA_LISTS: ListCase[] = [
  pufaCase({
    name: 'pufa duties (its own columns)',
    list: '/api/staff/pufa-duties/list',
    sorts: { year: 'year', law: 'law' },
    key: { header: '法律法规', field: 'law' },
    headers: ['年度', '法律法规', '普法内容', '普法对象', '措施'],
    text: (r) => String(r.law),
    yearField: 'year',
  }),
  pufaCase({
    name: 'pufa activities (its own columns)',
    list: '/api/staff/pufa-activities/list',
    sorts: { date: 'date', title: 'title' },
    key: { header: '活动名称', field: 'title' },
    headers: ['日期', '活动名称', '宣传法规', '地点', '受众人数'],
    text: (r) => String(r.title),
    yearField: 'date',
  }),
];

describeLists([...STAFF_LISTS, ...PUFA_LISTS], t);
const { page, all, exportOf } = listReader(t);

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
    expect((await exportOf(c, `orgId=${otherUnit}&sort=score&order=desc`)).rows.map((r) => r.cells.姓名)).toEqual(['钱二', '孙三', '赵一']);
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

// ── 黑臭预警 ──

const ALERTS: ListCase = {
  name: 'river alerts (its own columns)',
  list: '/api/river-alerts/list',
  export: '/api/river-alerts/export',
  user: 'flood',
  sorts: { raisedOn: 'raisedOn', handledOn: 'handledOn' },
  filters: [
    { query: 'status=open', field: 'status', value: 'open' },
    { query: 'status=handled', field: 'status', value: 'handled' },
    { query: 'grade=severe', field: 'grade', value: 'severe' },
  ],
  key: { header: '预警内容', field: 'message' },
  headers: ['预警日期', '河涌', '责任单位', '分级', '预警内容', '状态', '处置日期', '处置人', '处置情况'],
  text: (r) => String(r.river),
  yearField: 'raisedOn',
  yearNarrows: true,
  streets: { owner: 'wushan', other: 'yuancun' },
};

const SEVERE = { transparencyCm: 8, depthCm: 20, doMgl: 1.5, orpMv: 30, nh3nMgl: 6 };
const LIGHT = { transparencyCm: 15, depthCm: 100, doMgl: 5, orpMv: 100, nh3nMgl: 1 };

beforeAll(async () => {
  // The demo raises one alert (石牌街道, 2023): more in other years and units, some handled, so pages, sorts and filters have rows.
  const rivers = (await t.flood.req('GET', '/api/rivers')).body.data as Array<{ id: string; owner: string }>;
  const wushan = rivers.filter((r) => r.owner === '五山街道');
  const yuancun = rivers.find((r) => r.owner === '员村街道') ?? rivers.find((r) => r.owner !== '五山街道' && r.owner !== '石牌街道')!;
  const raise = async (riverId: string, sampledOn: string, values: typeof SEVERE) => {
    const r = await t.flood.req('POST', '/api/water-samples', { riverId, sampledOn, ...values });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(201);
    expect(r.body.data.alert).not.toBeNull();
    return r.body.data.alert as { id: string; version: number };
  };
  const handle = async (who: Client, a: { id: string; version: number }, note: string) =>
    expect((await who.req('POST', `/api/river-alerts/${a.id}/handle`, { version: a.version, note })).status).toBe(200);
  await handle(t.wushan, await raise(wushan[0]!.id, '2024-06-03', SEVERE), '已排查排污口并截污');
  await raise(wushan[0]!.id, '2024-07-08', LIGHT);
  await raise(wushan[1]?.id ?? wushan[0]!.id, '2025-03-10', SEVERE);
  await handle(t.admin, await raise(yuancun.id, '2024-05-05', LIGHT), '已清淤');
  await raise(yuancun.id, '2025-02-14', SEVERE);
});

describeLists([ALERTS], t);

describe('the alert list', () => {
  it('narrows by river and by unit, and its export too', async () => {
    const everything = await all(ALERTS, '');
    const some = everything.at(-1)!;
    for (const query of [`riverId=${some.riverId}`, `orgId=${some.orgId}`]) {
      const field = query.split('=')[0]!;
      const rows = await all(ALERTS, query);
      expect(rows.length).toBe(everything.filter((r) => r[field] === some[field]).length);
      expect(rows.length).toBeLessThan(everything.length);
      expect((await exportOf(ALERTS, query)).rows.length).toBe(rows.length);
    }
  });

  it('exports the filtered alerts under the list’s columns (no ledger), in its order', async () => {
    for (const query of ['status=open', 'sort=handledOn&order=desc', '']) {
      const rows = await all(ALERTS, query);
      const table = await exportOf(ALERTS, query);
      expect(table.headers).toEqual(ALERTS.headers);
      expect(table.rows.map((r) => r.cells.预警内容)).toEqual(rows.map((r) => r.message));
      expect(table.rows.map((r) => r.cells.状态)).toEqual(rows.map((r) => (r.status === 'open' ? '待处置' : '已处置')));
    }
  });

  it('says which alerts the caller may handle (处置), as the unpaged list does', async () => {
    const open = await all(ALERTS, 'status=open', 'wushan');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => (r.actions as { handle: boolean }).handle)).toBe(true);
    expect((await all(ALERTS, 'status=handled', 'wushan')).every((r) => !(r.actions as { handle: boolean }).handle)).toBe(true);
    const unpaged = (await t.wushan.req('GET', '/api/river-alerts?status=open')).body.data as Array<{ id: string }>;
    expect(unpaged.map((a) => a.id).sort()).toEqual(open.map((r) => r.id).sort());
  });
});

// ── 双公示台账 ──

const REGISTER = {
  name: '双公示 register',
  list: '/api/publicity/decisions/list',
  export: '/api/publicity/decisions/export',
  user: 'legal',
  sorts: { decisionNo: 'decisionNo', decidedOn: 'decidedOn', dueOn: 'dueOn', publishedOn: 'publishedOn' },
  filters: [],
  key: { header: '', field: 'decisionNo' },
  ledger: '',
  text: (r) => String(r.decisionNo),
  yearField: 'decidedOn',
} satisfies ListCase;
/** Where a register entry stands, as the list's status filter reads it. */
const standing = (r: Row) => (r.withdrawnOn ? 'withdrawn' : r.publishedOn ? 'published' : 'pending');
const CREDIT = {
  penalty: { key: '行政处罚决定书文号', first: ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '证件类型', '证件号码', '行政处罚决定书文号'] },
  permit: {
    key: '行政许可决定文书号',
    first: ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '证件类型', '证件号码', '行政许可决定文书名称', '行政许可决定文书号'],
  },
} as const;

describe('the 双公示 register', () => {
  it('answers a page and the filtered total; sorts on each whitelisted column across pages; refuses any other sort naming it', async () => {
    const first = await page(REGISTER, 'pageSize=2');
    expect(first.total).toBeGreaterThan(2);
    expect(first.items).toHaveLength(2);
    for (const order of ['asc', 'desc'] as const)
      for (const [sort, field] of Object.entries(REGISTER.sorts)) {
        const rows = await all(REGISTER, `sort=${sort}&order=${order}`);
        const present = rows.map((r) => r[field] as string | null).filter((v): v is string => v != null);
        const nulls = rows.length - present.length;
        const sorted = [...present].sort();
        expect(
          rows.map((r) => r[field] ?? null),
          `${sort} ${order}`,
        ).toEqual([...(order === 'asc' ? sorted : sorted.reverse()), ...Array(nulls).fill(null)]);
        const p2 = await page(REGISTER, `sort=${sort}&order=${order}&pageSize=3&page=2`);
        expect(p2.items.map((r) => r.id)).toEqual(rows.slice(3, 6).map((r) => r.id));
      }
    for (const url of [REGISTER.list, `${REGISTER.export}?kind=penalty&`]) {
      const r = await t.legal.req('GET', `${url}${url.includes('?') ? '' : '?'}sort=party_name`);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
      expect(r.body.message).toContain('可排序的列');
    }
  });

  it('each filter narrows to exactly its rows: kind, status, year, unit and the text (as typed)', async () => {
    const everything = await all(REGISTER, '');
    const checks: Array<[string, (r: Row) => boolean]> = [
      ['kind=penalty', (r) => r.kind === 'penalty'],
      ['kind=permit', (r) => r.kind === 'permit'],
      ['status=pending', (r) => standing(r) === 'pending'],
      ['status=published', (r) => standing(r) === 'published'],
      ['status=withdrawn', (r) => standing(r) === 'withdrawn'],
      ['year=2023', (r) => String(r.decidedOn).startsWith('2023')],
      [`orgId=${everything.at(-1)!.orgId}`, (r) => r.orgId === everything.at(-1)!.orgId],
      ['kind=permit&year=2023', (r) => r.kind === 'permit' && String(r.decidedOn).startsWith('2023')],
    ];
    for (const [query, keep] of checks) {
      const rows = await all(REGISTER, query);
      expect(rows.length, query).toBeGreaterThan(0);
      expect(rows.length, query).toBeLessThan(everything.length);
      expect(rows.map((r) => r.id).sort(), query).toEqual(
        everything
          .filter(keep)
          .map((r) => r.id)
          .sort(),
      );
    }
    const some = everything.at(-1)!;
    expect((await all(REGISTER, `q=${encodeURIComponent(String(some.decisionNo))}`)).map((r) => r.id)).toContain(some.id);
    expect((await all(REGISTER, `q=${encodeURIComponent(String(some.title))}`)).map((r) => r.id)).toContain(some.id);
    for (const q of ['%', '_']) expect((await page(REGISTER, `q=${encodeURIComponent(q)}`)).total, q).toBe(0);
    expect((await t.legal.req('GET', `${REGISTER.list}?year=1900`)).status).toBe(400);
    expect((await t.legal.req('GET', `${REGISTER.list}?status=overdue`)).status).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: REGISTER.list })).statusCode).toBe(401);
  });

  it.each(['penalty', 'permit'] as const)('exports exactly the filtered %s decisions, in the list’s order, in the credit platform’s layout', async (kind) => {
    for (const query of [
      `kind=${kind}`,
      `kind=${kind}&year=2022&sort=publishedOn&order=desc`,
      `kind=${kind}&status=published&q=${encodeURIComponent('〔2023〕')}`,
    ]) {
      const rows = await all(REGISTER, query);
      expect(rows.length, query).toBeGreaterThan(0);
      const table = await exportOf(REGISTER, query);
      expect(table.headers.slice(0, CREDIT[kind].first.length)).toEqual(CREDIT[kind].first);
      expect(
        table.rows.map((r) => String(r.cells[CREDIT[kind].key])),
        query,
      ).toEqual(rows.map((r) => String(r.decisionNo)));
    }
    // The withdrawn decision is exported too when the list shows it, its withdrawal said in 备注.
    const withdrawn = await all(REGISTER, 'status=withdrawn');
    if (withdrawn[0]!.kind === kind) expect(String((await exportOf(REGISTER, `kind=${kind}&status=withdrawn`)).rows[0]!.cells.备注)).toContain('撤回');
  });

  it('refuses an export without a kind (the two layouts differ), naming kind; a street may not export', async () => {
    const r = await t.legal.req('GET', REGISTER.export);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'kind' });
    expect((await t.wushan.req('GET', `${REGISTER.export}?kind=penalty`)).status).toBe(403);
  });

  it('a street sees only its own unit’s decisions, even asking for another unit', async () => {
    const mine = await all(REGISTER, '', 'wushan');
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.orgId)).size).toBe(1);
    const bureau = await all(REGISTER, '');
    const other = bureau.find((r) => r.orgId !== mine[0]!.orgId)!;
    expect((await page(REGISTER, `orgId=${other.orgId}`, 'wushan')).total).toBe(0);
    expect((await page(REGISTER, `orgId=${mine[0]!.orgId}`, 'wushan')).total).toBe(mine.length);
  });

  it('the unpaged register and the credit platform’s export of published decisions stay (other callers)', async () => {
    const unpaged = (await t.legal.req('GET', '/api/publicity/decisions?kind=permit&year=2023')).body.data as Row[];
    expect(unpaged.length).toBe((await all(REGISTER, 'kind=permit&year=2023')).length);
    const r = await t.app.inject({ method: 'GET', url: '/api/publicity/export?kind=penalty', headers: { cookie: t.legal.cookie } });
    expect(r.statusCode).toBe(200);
    const published = await all(REGISTER, 'kind=penalty&status=published');
    const withdrawn = (await all(REGISTER, 'kind=penalty&status=withdrawn')).filter((x) => x.publishedOn);
    expect((await readTable(r.rawPayload, 'x.xlsx')).rows.length).toBe(published.length + withdrawn.length);
  });
});

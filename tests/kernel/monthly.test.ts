/**
 * Monthly aggregates (issue #17 item 1; src/core/metrics/monthly.ts): every metric with a monthly series
 * reads, from the aggregates, the value the registry computes from the records — for each month of 2022,
 * the year, the bureau and one street — on the demo bureau as loaded, and again after writes through the
 * application (an order closed through the module's commands, ledger imports, an undo): the tables'
 * statement triggers mark the months, the next read recomputes them. A write in another bureau marks and
 * changes only that bureau's rows.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/core/context.js';
import { importLedger } from '../../src/core/ledger/ledger.js';
import { formatLedgerErrors } from '../../src/core/ledger/parse.js';
import { monthlyValues, monthsOf, refreshMonthly, withMonthly } from '../../src/core/metrics/monthly.js';
import { type MetricDef, metricQuery, monthPeriod, yearPeriod } from '../../src/core/metrics/registry.js';
import { createTenant } from '../../src/core/tenant.js';
import { uploadLedger } from '../helpers/http.js';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({ clerk: 'clerk', leader: 'leader' });
let defs: MetricDef[];
let streetId: string;

const clock = { now: () => new Date('2023-06-15T04:00:00Z'), today: () => '2023-06-15' };
const ctxOf = (tenantId: string) => env.sys.ctx(systemActor(tenantId), { clock });
const MONTHS = Array.from({ length: 12 }, (_, i) => monthPeriod(2022, i + 1));

beforeAll(async () => {
  defs = withMonthly(env.sys.registry.metrics.list());
  streetId = (
    await env.sys.db.selectFrom('org').select('id').where('tenant_id', '=', env.tenantId).where('kind', '=', 'street').orderBy('name').executeTakeFirstOrThrow()
  ).id;
});

/** Each metric's value over 2022's twelve months, read from the aggregates. */
async function yearFromMonths(tenantId: string, orgIds: string[] | null) {
  const v = await monthlyValues(env.sys.db, { tenantIds: [tenantId], orgIds }, defs, [{ from: MONTHS[0]!.from, to: MONTHS[11]!.from }]);
  return Object.fromEntries(defs.map((d) => [d.key, v[d.key]?.[0] ?? null]));
}

/** Each monthly metric's 12 values of 2022 and the year's, from the aggregates and from the records, for a bureau and scope. */
async function bothWays(tenantId: string, orgIds: string[] | null) {
  const ctx = ctxOf(tenantId);
  const aggregates = await monthlyValues(
    env.sys.db,
    { tenantIds: [tenantId], orgIds },
    defs,
    MONTHS.map((p) => ({ from: p.from, to: p.from })),
  );
  const live: Record<string, unknown[]> = Object.fromEntries(defs.map((d) => [d.key, []]));
  for (const p of MONTHS) {
    const v = await env.sys.registry.metrics.computeAll(metricQuery(ctx, p, orgIds), defs);
    for (const d of defs) live[d.key]!.push(v[d.key]);
  }
  const year = metricQuery(ctx, yearPeriod(2022), orgIds);
  return {
    aggregates,
    live,
    yearAggregates: await yearFromMonths(tenantId, orgIds),
    yearLive: await env.sys.registry.metrics.computeAll(year, defs),
  };
}

async function expectAggregatesLive(tenantId = env.tenantId) {
  for (const orgIds of [null, [streetId]]) {
    const r = await bothWays(tenantId, tenantId === env.tenantId ? orgIds : null);
    expect(r.aggregates, `scope ${orgIds ? 'street' : 'bureau'}`).toEqual(r.live);
    expect(r.yearAggregates).toEqual(r.yearLive);
  }
}

const marks = async (tenantId: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM metric_month_dirty WHERE tenant_id = ${tenantId}`.execute(env.sys.db)).rows[0]!.n;
const rowsOf = async (tenantId: string) =>
  (
    await sql<Record<string, unknown>>`SELECT series, org_id, month::text, sums FROM metric_month WHERE tenant_id = ${tenantId} ORDER BY 1, 2, 3`.execute(
      env.sys.db,
    )
  ).rows;
const builtAt = async (tenantId: string) =>
  (
    await sql<{ series: string; at: string }>`SELECT series, built_at::text AS at FROM metric_month_state WHERE tenant_id = ${tenantId} ORDER BY 1`.execute(
      env.sys.db,
    )
  ).rows;

describe('monthly aggregates', () => {
  it('declare the additive 12345 and penalty-case figures, and read whole months only', () => {
    expect(defs.map((d) => d.key).sort()).toEqual(
      [
        'enforcement.bureau.closed',
        'enforcement.bureau.closed_fine',
        'enforcement.bureau.closed_warning',
        'enforcement.bureau.filed',
        'enforcement.bureau.penalty_yuan',
        'enforcement.streets.closed',
        'enforcement.streets.closed_fine',
        'enforcement.streets.closed_warning',
        'enforcement.streets.filed',
        'enforcement.streets.penalty_yuan',
        'hotline.closed',
        'hotline.on_time_rate',
        'hotline.reply_rate',
        'hotline.satisfaction_rate',
      ].sort(),
    );
    expect(monthsOf(yearPeriod(2022))).toHaveLength(12);
    expect(monthsOf({ from: '2022-02-01', to: '2022-02-28' })).toEqual(['2022-02-01']);
    expect(monthsOf({ from: '2022-02-01', to: '2022-02-27' })).toBeNull();
    expect(monthsOf({ from: '2022-02-02', to: '2022-02-28' })).toBeNull();
  });

  it('equal the registry’s figures on the demo bureau: each month of 2022 and the year, the bureau and one street', async () => {
    await expectAggregatesLive();
    const year = await yearFromMonths(env.tenantId, null);
    // The seed figures (METRICS.md).
    expect(year['hotline.closed']).toBe(981);
    expect(year['enforcement.bureau.filed']).toBe(24);
    expect(year['enforcement.streets.penalty_yuan']).toBe(124360);
    expect(await marks(env.tenantId)).toBe(0);
  });

  it('give the dashboard the trends and the key figures (this year’s and last year’s) the registry computes', async () => {
    const res = await env.leader.req('GET', '/api/dashboard?year=2022');
    expect(res.status).toBe(200);
    const board = res.body.data as {
      figures: Array<{ key: string; value: unknown; previous: unknown }>;
      trends: { series: Array<{ key: string; values: unknown[] }> };
    };
    const ctx = env.sys.ctx(systemActor(env.tenantId));
    const trendKeys = board.trends.series.map((t) => t.key);
    expect(trendKeys).toEqual(expect.arrayContaining(['hotline.closed', 'enforcement.bureau.filed', 'enforcement.streets.filed']));
    for (const t of board.trends.series) {
      const d = env.sys.registry.metrics.get(t.key)!;
      const live = [];
      for (const p of MONTHS) live.push(await d.query(metricQuery(ctx, p)));
      expect(t.values, t.key).toEqual(live);
    }
    const keyDefs = board.figures.map((f) => env.sys.registry.metrics.get(f.key)!);
    expect(keyDefs.filter((d) => d.monthly).length).toBeGreaterThanOrEqual(5);
    const cur = await env.sys.registry.metrics.computeAll(metricQuery(ctx, yearPeriod(2022)), keyDefs);
    const prev = await env.sys.registry.metrics.computeAll(metricQuery(ctx, yearPeriod(2021)), keyDefs);
    expect(board.figures.map((f) => [f.key, f.value, f.previous])).toEqual(keyDefs.map((d) => [d.key, cur[d.key], prev[d.key]]));
  });

  it('follow an order taken in, replied, closed and rated through the module’s commands (the marked month recomputed, not the bureau rebuilt)', async () => {
    const built = await builtAt(env.tenantId);
    const pushed = await env.clerk.req('POST', '/api/hotline/push', {
      orderNo: 'GZ-MM-0001',
      receivedAt: '2022-03-07 09:00',
      demandType: '投诉',
      title: '路面积水',
      content: '路面积水',
      unitName: '排水管理科',
      timeLimit: 5,
    });
    expect(pushed.status).toBe(201);
    const id = pushed.body.data.id;
    let version = (await env.clerk.req('GET', `/api/hotline/items/${id}`)).body.data.version;
    for (const [action, body] of [
      ['sign', { at: '2022-03-07 15:00' }],
      ['reply', { content: '已疏通', at: '2022-03-15 16:00' }],
      ['close', { at: '2022-03-15 17:00' }],
      ['evaluate', { satisfaction: '不满意', at: '2022-03-16 10:00' }],
    ] as const) {
      const r = await env.clerk.req('POST', `/api/hotline/items/${id}/${action}`, { version, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = r.body.data.version;
    }
    expect(await marks(env.tenantId)).toBeGreaterThan(0);
    await expectAggregatesLive();
    expect(await marks(env.tenantId)).toBe(0);
    expect(await builtAt(env.tenantId)).toEqual(built);
  });

  it('follow a ledger import of closed orders and its undo', async () => {
    const head = '工单编号,受理时间,诉求类型,诉求内容,承办单位,办理时限,办结时间,回复时间,满意度';
    const up = await uploadLedger(
      env.clerk,
      'hotline-orders',
      `${head}\nGZ-MM-IMP-1,2022-05-30 09:00,投诉,井盖缺失,排水管理科,3,2022-06-20 10:00,2022-06-20 10:00,满意\nGZ-MM-IMP-2,2022-07-01 09:00,咨询,问询,排水管理科,3,2022-07-01 11:00,,\n`,
      'mm.csv',
    );
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body.data.created).toBe(2);
    expect(await marks(env.tenantId)).toBeGreaterThan(0);
    await expectAggregatesLive();
    const undone = await env.clerk.req('POST', `/api/imports/${up.body.data.importId}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(await marks(env.tenantId)).toBeGreaterThan(0);
    await expectAggregatesLive();
  });

  it('follow a penalty-case import (filed and closed months, the bureau’s side)', async () => {
    const item = await env.sys.db
      .withTables<{ enf_item: { code: string; tenant_id: string } }>()
      .selectFrom('enf_item')
      .select('code')
      .where('tenant_id', '=', env.tenantId)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const officers = await env.sys.db
      .withTables<{ enf_officer: { name: string; tenant_id: string; org_id: string; cert_no: string | null; cert_valid_until: string | null } }>()
      .selectFrom('enf_officer')
      .innerJoin('org', 'org.id', 'enf_officer.org_id')
      .select(['enf_officer.name', 'org.name as org_name'])
      .where('enf_officer.tenant_id', '=', env.tenantId)
      .where('org.kind', '=', 'department')
      .where('enf_officer.cert_no', 'is not', null)
      .where('enf_officer.cert_valid_until', '>', '2022-12-31')
      .orderBy('enf_officer.name')
      .limit(2)
      .execute();
    expect(officers).toHaveLength(2);
    const rows = [
      ['案件编号', '办案单位', '违法事项编码', '案由', '当事人类型', '当事人名称', '立案日期', '承办人'],
      ['MM〔2022〕1号', officers[0]!.org_name, item.code, '擅自取水', '法人', '某某建设有限公司', '2022-08-03', officers.map((o) => o.name).join('、')],
    ];
    const r = await importLedger(env.sys, ctxOf(env.tenantId), env.sys.registry.ledgers.get('penalty-cases')!, {
      file: { data: Buffer.from(rows.map((x) => x.join(',')).join('\n')), filename: 'mm-cases.csv' },
    });
    expect(r.ok ? [] : formatLedgerErrors(r.errors)).toEqual([]);
    expect(await marks(env.tenantId)).toBeGreaterThan(0);
    await expectAggregatesLive();
  });

  it('keep each bureau to its own rows: a write in another bureau marks and changes only that bureau’s', async () => {
    for (const d of defs) await refreshMonthly(env.sys.db, d.monthly!.series, [env.tenantId]);
    const before = await rowsOf(env.tenantId);
    const { tenantId: other } = await createTenant(env.sys.db, { name: '另一水务局' });
    const head = '工单编号,受理时间,诉求类型,诉求内容,承办单位,办理时限,办结时间,回复时间,满意度';
    const r = await importLedger(env.sys, ctxOf(other), env.sys.registry.ledgers.get('hotline-orders')!, {
      file: { data: Buffer.from(`${head}\nOT-0001,2022-03-01 09:00,投诉,积水,另一水务局,3,2022-03-02 10:00,2022-03-02 10:00,满意\n`), filename: 'other.csv' },
    });
    expect(r.ok ? [] : formatLedgerErrors(r.errors)).toEqual([]);
    expect(await marks(env.tenantId)).toBe(0);
    expect(await marks(other)).toBeGreaterThan(0);
    // Every bureau's refresh (the province's) recomputes the other's months and leaves this one's rows as they were.
    for (const d of defs) await refreshMonthly(env.sys.db, d.monthly!.series, null);
    expect(await rowsOf(env.tenantId)).toEqual(before);
    expect(await rowsOf(other)).toEqual([
      expect.objectContaining({ series: 'dm_item.hotline.closed', month: '2022-03-01', sums: { closed: 1, on_time: 1, replied: 1, rated: 1, satisfied: 1 } }),
    ]);
    await expectAggregatesLive(other);
  });
});

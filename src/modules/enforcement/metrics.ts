/** The `enforcement.*` and `staff.cert_*` figures of METRICS.md, each with a drill-down on the same filters. */
import { type RawBuilder, sql } from 'kysely';
import { defineMetric, fenToYuan, percent, type MetricDef, type MetricQuery, type DrillResult } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope, ownedBy, SIDE_ORG_KINDS } from '../../core/metrics/filters.js';
import { defineMonthlySeries } from '../../core/metrics/monthly.js';
import { countWhere } from '../../core/metrics/pass.js';
import { ensureWorkDays, workdaysBetweenSql } from '../../core/calendar/workDays.js';
import { enf } from './repository.js';
import { RULES } from './deadlines.js';

type Side = 'bureau' | 'streets';
const SIDE_LABEL: Record<Side, string> = { bureau: '本局', streets: '街道' };
const MONEY_KINDS = ['罚款', '没收违法所得', '没收非法财物'];

const cases = (q: MetricQuery, side?: Side) =>
  enf(q.db)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .$call(inScope(q, 'enf_case'))
    .$if(!!side, (qb) => qb.$call(ownedBy(q, side!, 'enf_case.org_id')));

const filed = (q: MetricQuery, side: Side) => cases(q, side).$call(dateInPeriod(q, 'enf_case.filed_on'));
/** Closed in the period (结案日期), not later revoked. */
const closed = (q: MetricQuery, side: Side) => cases(q, side).$call(dateInPeriod(q, 'enf_case.closed_on')).where('enf_case.revoked_on', 'is', null);
const moneyExpr = sql<boolean>`(enf_case.fine_fen + enf_case.confiscation_fen > 0 OR enf_case.penalty_kinds && ${sql.val(MONEY_KINDS)}::text[])`;
const warningOnlyExpr = sql<boolean>`('警告' = ANY(enf_case.penalty_kinds) AND NOT ${moneyExpr})`;
const warningOnly = (qb: ReturnType<typeof closed>) => qb.where(warningOnlyExpr);
const withMoney = (qb: ReturnType<typeof closed>) => qb.where(moneyExpr);

/**
 * The cases' monthly series (src/core/metrics/monthly.ts; the module's trigger marks their months,
 * migrations/0008_metric_month.sql): by the month of 立案日期, the count behind `<side>.filed`; by the month
 * of 结案日期, the closed cases not revoked, those with a warning only, those with money, and their fines
 * and confiscations — the predicates of the figures below. The side is the unit's kind, read with the sums.
 */
export const filedSeries = defineMonthlySeries({
  key: 'enf_case.filed',
  table: 'enf_case',
  date: { column: 'enf_case.filed_on', type: 'date' },
  sums: { n: sql`count(*)` },
});
const notRevoked = sql<boolean>`enf_case.revoked_on IS NULL`;
export const closedSeries = defineMonthlySeries({
  key: 'enf_case.closed',
  table: 'enf_case',
  date: { column: 'enf_case.closed_on', type: 'date' },
  sums: {
    n: countWhere(notRevoked),
    warning: countWhere(sql<boolean>`${notRevoked} AND ${warningOnlyExpr}`),
    money: countWhere(sql<boolean>`${notRevoked} AND ${moneyExpr}`),
    fen: sql`sum(enf_case.fine_fen + enf_case.confiscation_fen) FILTER (WHERE ${notRevoked})`,
  },
});

/** A drill's result: its rows under its columns (as many records as rows), each opening at `recordRoute`. */
const drillOf = (recordRoute: string, columns: DrillResult['columns'], rows: DrillResult['rows']): DrillResult => ({
  columns,
  rows,
  total: rows.length,
  recordRoute,
});
const CASE_ROUTE = '/enforcement/cases/:id';
const OFFICER_ROUTE = '/enforcement/officers?id=:id';

const CASE_COLUMNS = [
  { key: 'case_no', title: '案件编号' },
  { key: 'org_name', title: '办案单位' },
  { key: 'cause', title: '案由' },
  { key: 'filed_on', title: '立案日期' },
  { key: 'decided_on', title: '决定日期' },
  { key: 'closed_on', title: '结案日期' },
  { key: 'kinds', title: '处罚种类' },
  { key: 'amount_yuan', title: '罚没金额（元）' },
];

async function caseDrill(qb: ReturnType<typeof cases>, extras: Record<string, RawBuilder<unknown>> = {}): Promise<DrillResult> {
  const rows = await qb
    .$if(Object.keys(extras).length > 0, (b) => b.select(Object.entries(extras).map(([k, e]) => e.as(k))))
    .select([
      'enf_case.id',
      'enf_case.case_no',
      'org.name as org_name',
      'enf_case.cause',
      'enf_case.filed_on',
      'enf_case.decided_on',
      'enf_case.closed_on',
      'enf_case.penalty_kinds',
      'enf_case.fine_fen',
      'enf_case.confiscation_fen',
      'enf_case.stage',
    ])
    .orderBy('enf_case.case_no')
    .execute();
  return drillOf(
    CASE_ROUTE,
    CASE_COLUMNS,
    rows.map((r) => ({ ...r, kinds: r.penalty_kinds.join('、'), amount_yuan: fenToYuan(Number(r.fine_fen) + Number(r.confiscation_fen)) })),
  );
}

/** A count of cases and its drill from one query: the drill lists exactly the cases counted. */
const countedCases = (base: (q: MetricQuery) => ReturnType<typeof cases>) => ({
  query: (q: MetricQuery) => countOf(base(q)),
  drill: (q: MetricQuery) => caseDrill(base(q)),
});

function sideMetrics(side: Side): MetricDef[] {
  const p = `enforcement.${side}`;
  const who = SIDE_LABEL[side];
  const perm = 'enforcement.case.read';
  const orgKinds = SIDE_ORG_KINDS[side];
  return [
    defineMetric({
      key: `${p}.filed`,
      title: `${who}行政处罚立案数`,
      unit: 'count',
      permission: perm,
      monthly: { series: filedSeries, orgKinds, value: (s) => s.n ?? 0 },
      definition: `${who === '本局' ? '本局' : '街道'}行政处罚案件中立案日期在统计期内的案件数`,
      ...countedCases((q) => filed(q, side)),
    }),
    defineMetric({
      key: `${p}.closed`,
      title: `${who}行政处罚结案数`,
      unit: 'count',
      permission: perm,
      monthly: { series: closedSeries, orgKinds, value: (s) => s.n ?? 0 },
      definition: `${who}行政处罚案件中结案日期在统计期内的案件数（其后被撤销的不计）`,
      ...countedCases((q) => closed(q, side)),
    }),
    defineMetric({
      key: `${p}.closed_warning`,
      title: `${who}结案中警告`,
      unit: 'count',
      permission: perm,
      monthly: { series: closedSeries, orgKinds, value: (s) => s.warning ?? 0 },
      definition: '结案案件中处罚决定为警告且无罚没金额的案件数',
      ...countedCases((q) => warningOnly(closed(q, side))),
    }),
    defineMetric({
      key: `${p}.closed_fine`,
      title: `${who}结案中罚款（罚没）`,
      unit: 'count',
      permission: perm,
      monthly: { series: closedSeries, orgKinds, value: (s) => s.money ?? 0 },
      definition: '结案案件中处罚决定包含罚款或没收的案件数',
      ...countedCases((q) => withMoney(closed(q, side))),
    }),
    defineMetric({
      key: `${p}.penalty_yuan`,
      title: `${who}罚没金额`,
      unit: 'yuan',
      permission: perm,
      monthly: { series: closedSeries, orgKinds, value: (s) => fenToYuan(s.fen ?? 0) },
      definition: '结案案件的罚款与没收金额合计（元）',
      async query(q) {
        const r = await closed(q, side).select(sql<number>`coalesce(sum(enf_case.fine_fen + enf_case.confiscation_fen), 0)`.as('fen')).executeTakeFirst();
        return fenToYuan(Number(r?.fen ?? 0));
      },
      drill: (q) => caseDrill(withMoney(closed(q, side))),
    }),
  ];
}

const items = (q: MetricQuery) => enf(q.db).selectFrom('enf_item').where('tenant_id', '=', q.tenantId).where('delegated', '=', true);

/** enforcement.delegated_items — the catalogue is bureau-wide reference data, so only the tenant filter applies. */
const delegatedItems = defineMetric({
  key: 'enforcement.delegated_items',
  title: '下放街道的执法事项',
  unit: 'count',
  permission: 'enforcement.catalogue.read',
  definition: '执法事项目录中下放街道实施的事项数',
  query: (q) => countOf(items(q)),
  async drill(q) {
    const rows = await items(q).select(['id', 'code', 'name', 'legal_basis']).orderBy('code').execute();
    return drillOf(
      '/enforcement/items?id=:id',
      [
        { key: 'code', title: '事项编码' },
        { key: 'name', title: '事项名称' },
        { key: 'legal_basis', title: '法律依据' },
      ],
      rows,
    );
  },
});

const officers = (q: MetricQuery) =>
  enf(q.db)
    .selectFrom('enf_officer')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_officer.tenant_id').onRef('org.id', '=', 'enf_officer.org_id'))
    .$call(inScope(q, 'enf_officer'))
    .where('enf_officer.active', '=', true);
/** Officers in a drill's order: by unit, then name. */
const byUnit = (qb: ReturnType<typeof officers>) => qb.orderBy('org.sort').orderBy('enf_officer.name');

const OFFICER_COLUMNS = [
  { key: 'name', title: '姓名' },
  { key: 'org_name', title: '所属单位' },
  { key: 'cert_no', title: '执法证号' },
  { key: 'cert_valid_until', title: '有效期至' },
];

const certHolding = defineMetric({
  key: 'staff.cert_holding_rate',
  title: '执法证持有率',
  unit: 'percent',
  permission: 'enforcement.catalogue.read',
  definition: '执法证有效期至不早于统计期末的执法人员 / 全部执法人员',
  async query(q) {
    const all = await countOf(officers(q));
    const ok = await countOf(officers(q).where('enf_officer.cert_no', 'is not', null).where('enf_officer.cert_valid_until', '>=', q.period.to));
    return percent(ok, all);
  },
  async drill(q) {
    const rows = await byUnit(officers(q))
      .select(['enf_officer.id', 'enf_officer.name', 'org.name as org_name', 'enf_officer.cert_no', 'enf_officer.cert_valid_until'])
      .execute();
    return drillOf(
      OFFICER_ROUTE,
      [...OFFICER_COLUMNS, { key: 'counted', title: '计入持证' }],
      rows.map((r) => ({ ...r, counted: r.cert_no && r.cert_valid_until && r.cert_valid_until >= q.period.to ? '是' : '否' })),
    );
  },
});

const examSat = (q: MetricQuery) => officers(q).where('enf_officer.exam_score', 'is not', null);
const certExam = defineMetric({
  key: 'staff.cert_exam_pass_rate',
  title: '执法资格考试通过率',
  unit: 'percent',
  permission: 'enforcement.catalogue.read',
  definition: '执法资格考试成绩达到及格线的人员 / 参加考试的人员',
  async query(q) {
    const sat = await countOf(examSat(q));
    const passed = await countOf(examSat(q).where(sql<boolean>`enf_officer.exam_score >= enf_officer.exam_pass_line`));
    return percent(passed, sat);
  },
  async drill(q) {
    const rows = await byUnit(examSat(q))
      .select(['enf_officer.id', 'enf_officer.name', 'org.name as org_name', 'enf_officer.exam_score', 'enf_officer.exam_pass_line'])
      .execute();
    return drillOf(
      OFFICER_ROUTE,
      [
        ...OFFICER_COLUMNS.slice(0, 2),
        { key: 'exam_score', title: '考试成绩' },
        { key: 'exam_pass_line', title: '及格线' },
        { key: 'passed', title: '计入通过' },
      ],
      rows.map((r) => ({ ...r, passed: Number(r.exam_score) >= Number(r.exam_pass_line) ? '是' : '否' })),
    );
  },
});

/** Working days after 立案 up to and including the decision, in SQL on the working-day table (the query's calendar). */
const decisionWorkdays = workdaysBetweenSql(sql`enf_case.filed_on`, sql`enf_case.decided_on`);

const isoDay = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The day a figure of open work is judged on: the period's end, or today for a period not yet over. */
const referenceDate = (q: MetricQuery) => {
  const today = q.clock.today();
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
  return q.period.to < today ? q.period.to : today;
};

/**
 * The non-working days around the period, each with the working day a calendar-day period ending
 * on it rolls to (民事诉讼法第八十五条), from the query's calendar (the admin's overrides included).
 * A due date can only matter to the figure near the period (a roll moves it by days), so 60 days
 * either side are enough.
 */
function rollTable(q: MetricQuery): string {
  const out: Record<string, string> = {};
  for (let d = isoDay(q.period.from, -60); d <= isoDay(q.period.to, 60); d = isoDay(d, 1))
    if (!q.calendar.isWorkday(d)) out[d] = q.calendar.nextWorkdayOnOrAfter(d);
  return JSON.stringify(out);
}

/**
 * The 90-day decision term of each case in SQL (deadlines.ts `decisionDeadline`, 行政处罚法第六十条): 立案 + 90 days,
 * rolled past a non-working end; an approved extension adds its days after the unrolled end — only when it was
 * approved on or before the original due date (an extension approved after the term ran out does not count).
 */
function decisionTerms(q: MetricQuery) {
  const roll = rollTable(q);
  const rolled = (d: ReturnType<typeof sql<string>>) => sql<string>`coalesce((${roll}::jsonb ->> (${d})::text)::date, ${d})`;
  const end = sql<string>`(enf_case.filed_on + ${sql.lit(RULES.decision.n)})`;
  const originalDue = rolled(end);
  const lateExtension = sql<boolean>`(coalesce(enf_case.extension_days, 0) > 0 AND enf_case.extension_approved_on IS NOT NULL AND enf_case.extension_approved_on > ${originalDue})`;
  const due = sql<string>`CASE WHEN coalesce(enf_case.extension_days, 0) > 0 AND NOT ${lateExtension} THEN ${rolled(sql`(${end} + enf_case.extension_days)`)} ELSE ${originalDue} END`;
  return { due, originalDue, lateExtension };
}

/**
 * enforcement.overdue_cases, set-based: general-procedure cases decided in the period after their decision term, or
 * not decided (nor closed without a decision) by the reference date with the term already past.
 */
function overdueCases(q: MetricQuery) {
  const t = decisionTerms(q);
  const ref = referenceDate(q);
  return cases(q)
    .where('enf_case.procedure', '=', 'general')
    .where('enf_case.filed_on', '<=', ref)
    .where(
      sql<boolean>`(
        (enf_case.decided_on >= ${q.period.from}::date AND enf_case.decided_on <= ${ref}::date AND enf_case.decided_on > ${t.due})
        OR ((enf_case.decided_on IS NULL OR enf_case.decided_on > ${ref}::date)
            AND (enf_case.closed_on IS NULL OR enf_case.closed_on > ${ref}::date)
            AND ${t.due} < ${ref}::date)
      )`,
    );
}

const overdue = defineMetric({
  key: 'enforcement.overdue_cases',
  title: '超期作出决定的案件',
  unit: 'count',
  permission: 'enforcement.case.read',
  definition:
    '一般程序案件中，统计期内超过立案后90日（含期限届满前批准的延长）作出决定的，或至统计期末（当年未结束时为今日）已超期仍未决定的案件数；期限届满后才批准的延长不计',
  query: (q) => countOf(overdueCases(q)),
  async drill(q) {
    const t = decisionTerms(q);
    const rows = await overdueCases(q)
      .select([
        'enf_case.id',
        'enf_case.case_no',
        'org.name as org_name',
        'enf_case.cause',
        'enf_case.filed_on',
        'enf_case.decided_on',
        'enf_case.extension_approved_on',
        sql<string>`(${t.due})::text`.as('due'),
        sql<string>`(${t.originalDue})::text`.as('original_due'),
        t.lateExtension.as('late_extension'),
      ])
      .orderBy('enf_case.case_no')
      .execute();
    return drillOf(
      CASE_ROUTE,
      [...CASE_COLUMNS.slice(0, 5), { key: 'due', title: '决定期限' }, { key: 'note', title: '说明' }],
      rows.map(({ late_extension, original_due, ...r }) => ({
        ...r,
        note: late_extension ? `延长期限于${r.extension_approved_on}批准，晚于原期限届满日${original_due}，不计延长` : '',
      })),
    );
  },
});

const dated = (key: string, title: string, definition: string, col: 'enf_case.review_on' | 'enf_case.discussion_on') =>
  defineMetric({
    key,
    title,
    unit: 'count',
    permission: 'enforcement.case.read',
    definition,
    ...countedCases((q) => cases(q).$call(dateInPeriod(q, col))),
  });

const decidedInPeriod = (q: MetricQuery) => cases(q).$call(dateInPeriod(q, 'enf_case.decided_on')).where('enf_case.procedure', '=', 'general');
const avgDays = defineMetric({
  key: 'enforcement.avg_workdays_to_decision',
  title: '立案至决定平均用时',
  unit: 'days',
  permission: 'enforcement.case.read',
  definition: '统计期内作出决定的一般程序案件，自立案次日至决定日（含）的工作日数的平均值',
  async query(q) {
    await ensureWorkDays(q.db, q.calendar);
    const r = await decidedInPeriod(q).select(sql<string | null>`round(avg(${decisionWorkdays})::numeric, 1)`.as('avg')).executeTakeFirst();
    return r?.avg == null ? null : Number(r.avg);
  },
  async drill(q) {
    await ensureWorkDays(q.db, q.calendar);
    const d = await caseDrill(decidedInPeriod(q), { workdays: decisionWorkdays });
    d.columns = [...d.columns, { key: 'workdays', title: '用时（工作日）' }];
    return d;
  },
});

const reviewed = (q: MetricQuery) =>
  enf(q.db)
    .selectFrom('enf_review_item')
    .innerJoin('enf_case', (j) => j.onRef('enf_case.tenant_id', '=', 'enf_review_item.tenant_id').onRef('enf_case.id', '=', 'enf_review_item.case_id'))
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_review_item.tenant_id').onRef('org.id', '=', 'enf_review_item.org_id'))
    .$call(inScope(q, 'enf_review_item'))
    .$call(dateInPeriod(q, 'enf_review_item.scored_on'));

const reviewDrill = async (q: MetricQuery): Promise<DrillResult> => {
  const rows = await reviewed(q)
    .select([
      'enf_case.id',
      'enf_case.case_no',
      'org.name as org_name',
      'enf_case.cause',
      'enf_review_item.score',
      'enf_review_item.findings',
      'enf_review_item.scored_on',
    ])
    .orderBy('enf_case.case_no')
    .execute();
  return drillOf(
    CASE_ROUTE,
    [
      { key: 'case_no', title: '案件编号' },
      { key: 'org_name', title: '街道' },
      { key: 'cause', title: '案由' },
      { key: 'score', title: '得分' },
      { key: 'findings', title: '发现问题' },
      { key: 'scored_on', title: '评分日期' },
    ],
    rows,
  );
};
const reviewCount = defineMetric({
  key: 'enforcement.reviews.cases',
  title: '评查案卷数',
  unit: 'count',
  permission: 'enforcement.review.read',
  definition: '评分日期在统计期内的评查案卷数',
  query: (q) => countOf(reviewed(q)),
  drill: reviewDrill,
});
const reviewScore = defineMetric({
  key: 'enforcement.reviews.avg_score',
  title: '案卷评查平均分',
  unit: 'score',
  permission: 'enforcement.review.read',
  definition: '评分日期在统计期内的评查案卷得分的平均值（满分100）',
  async query(q) {
    const r = await reviewed(q).select(sql<number | null>`avg(enf_review_item.score)`.as('avg')).executeTakeFirst();
    return r?.avg == null ? null : Math.round(Number(r.avg) * 10) / 10;
  },
  drill: reviewDrill,
});

export const enforcementMetrics: MetricDef[] = [
  ...sideMetrics('bureau'),
  ...sideMetrics('streets'),
  delegatedItems,
  overdue,
  dated('enforcement.legal_reviews', '法制审核案件数', '法制审核日期在统计期内的案件数', 'enf_case.review_on'),
  dated('enforcement.collective_discussions', '集体讨论案件数', '集体讨论日期在统计期内的案件数', 'enf_case.discussion_on'),
  avgDays,
  reviewCount,
  reviewScore,
  certHolding,
  certExam,
];

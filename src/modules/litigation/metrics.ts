/**
 * 行政复议与行政诉讼 figures — each counted in SQL from the case and hearing rows, with a
 * drill-down on the same filters. 审结 = the case's effective outcome recorded in the period (a
 * case under appeal counts when the second instance concludes); 纠错 and 败诉 as `outcomeClass`
 * (rules.ts) defines them, in SQL through the same category lists.
 */
import { sql } from 'kysely';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import { defineMetric, defineMetricFamily, percent, type MetricDef, type MetricFamilyDef, type MetricQuery } from '../../core/metrics/registry.js';
import { CORRECTING_OUTCOMES, IF_CHANGED_OUTCOMES } from './rules.js';
import { ACT_KINDS, type LitigationTables } from './schema.js';

const PERMISSION = 'litigation.read';
const ROUTE = '/litigation/cases/:id';

const cases = (q: MetricQuery) =>
  q.db
    .withTables<LitigationTables>()
    .selectFrom('lit_case as c')
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .$call(inScope(q, 'c'));
type CaseQuery = ReturnType<typeof cases>;

const received = (q: MetricQuery) => cases(q).$call(dateInPeriod(q, 'c.received_on'));
/** Concluded in the period: the effective outcome (a pending appeal has none). */
const concluded = (q: MetricQuery) => cases(q).where('c.outcome', 'is not', null).$call(dateInPeriod(q, 'c.outcome_on'));

const correctedSql = sql<boolean>`(c.outcome IN (${sql.join(CORRECTING_OUTCOMES.map((o) => sql.lit(o)))}) OR (c.outcome IN (${sql.join(IF_CHANGED_OUTCOMES.map((o) => sql.lit(o)))}) AND c.outcome_act_changed))`;
const lostSql = sql<boolean>`(c.kind = '诉讼' AND c.outcome IN (${sql.join(CORRECTING_OUTCOMES.map((o) => sql.lit(o)))}))`;
const corrected = (qb: CaseQuery) => qb.where(correctedSql);
const lost = (qb: CaseQuery) => qb.where(lostSql);

const columns = [
  { key: 'case_no', title: '案号' },
  { key: 'kind', title: '类别' },
  { key: 'instance', title: '审级' },
  { key: 'act_kind', title: '被申请（被诉）行为类别' },
  { key: 'act_title', title: '被申请（被诉）行为' },
  { key: 'org_name', title: '承办单位' },
  { key: 'received_on', title: '收到副本日期' },
  { key: 'outcome', title: '结果' },
  { key: 'outcome_on', title: '审结日期' },
];
const rowsOf = (qb: CaseQuery) =>
  qb
    .select([
      'c.id',
      'c.case_no',
      'c.kind',
      'c.instance',
      'c.act_kind',
      'c.act_title',
      'o.name as org_name',
      'c.received_on',
      'c.outcome',
      'c.outcome_on',
      correctedSql.as('corrected'),
      lostSql.as('lost'),
    ])
    .orderBy('c.received_on')
    .orderBy('c.case_no')
    .execute();
const yes = (b: unknown) => (b ? '是' : '否');

/** The cases behind a figure; for a rate (`mark`), its denominator's cases with a column marking the numerator's. */
async function drillOf(qb: CaseQuery, mark?: 'corrected' | 'lost') {
  const rows = await rowsOf(qb);
  if (!mark) return { columns, rows, total: rows.length, recordRoute: ROUTE };
  return {
    columns: [...columns, { key: mark, title: mark === 'corrected' ? '纠错' : '败诉' }],
    rows: rows.map((r) => ({ ...r, [mark]: yes(r[mark]) })),
    total: rows.length,
    recordRoute: ROUTE,
  };
}

function countMetric(key: string, title: string, definition: string, base: (q: MetricQuery) => CaseQuery): MetricDef {
  return defineMetric({
    key,
    title,
    unit: 'count',
    definition,
    permission: PERMISSION,
    query: (q) => countOf(base(q)),
    drill: (q) => drillOf(base(q)),
  });
}

/** A rate over a denominator of cases, its drill listing the denominator with a column marking the numerator. */
function rateMetric(x: {
  key: string;
  title: string;
  definition: string;
  den: (q: MetricQuery) => CaseQuery;
  num: (qb: CaseQuery) => CaseQuery;
  mark: 'corrected' | 'lost';
}): MetricDef {
  return defineMetric({
    key: x.key,
    title: x.title,
    unit: 'percent',
    definition: x.definition,
    permission: PERMISSION,
    async query(q) {
      return percent(await countOf(x.num(x.den(q))), await countOf(x.den(q)));
    },
    drill: (q) => drillOf(x.den(q), x.mark),
  });
}

const CORRECTION_DEF =
  '审结日期在统计期内的行政复议、行政诉讼案件中，结果为撤销、变更、确认违法、确认无效、责令履行，或本局改变原行为后调解、终止、撤诉的案件数 / 审结案件数';
const LOSS_DEF = '审结日期在统计期内的行政诉讼案件中，生效裁判为撤销、变更、确认违法、确认无效、判决履行的案件数 / 审结的行政诉讼案件数';

/** 诉讼 hearings held in the period. */
const hearings = (q: MetricQuery) =>
  q.db
    .withTables<LitigationTables>()
    .selectFrom('lit_hearing as h')
    .innerJoin('lit_case as c', (j) => j.onRef('c.tenant_id', '=', 'h.tenant_id').onRef('c.id', '=', 'h.case_id'))
    .$call(inScope(q, 'c'))
    .where('c.kind', '=', '诉讼')
    .$call(dateInPeriod(q, 'h.held_on'));

/** 纠错率 by a dimension whose members the data names (act kinds, units). */
function correctionBy(prefix: string, title: string, dim: { label: string; column: 'c.act_kind' | 'o.name' }): MetricFamilyDef {
  const den = (q: MetricQuery, m: string) => concluded(q).where(dim.column, '=', m);
  return defineMetricFamily({
    prefix,
    title,
    unit: 'percent',
    definition: `${CORRECTION_DEF}，按${dim.label}分列`,
    permission: PERMISSION,
    async members(q) {
      const rows = await concluded(q).select(`${dim.column} as m`).distinct().execute();
      const names = rows.map((r) => String((r as { m: unknown }).m ?? '')).filter(Boolean);
      return dim.column === 'c.act_kind' ? ACT_KINDS.filter((k) => names.includes(k)) : names.sort();
    },
    async query(q, m) {
      return percent(await countOf(corrected(den(q, m))), await countOf(den(q, m)));
    },
    drill: (q, m) => drillOf(den(q, m), 'corrected'),
  });
}

export const litigationMetrics: MetricDef[] = [
  countMetric(
    'litigation.received',
    '收到行政复议、行政诉讼案件数',
    '收到申请书副本或起诉状副本的日期在统计期内的行政复议、行政诉讼案件数（本局为被申请人或被告）',
    received,
  ),
  countMetric('litigation.reconsideration_received', '收到行政复议案件数', '收到申请书副本的日期在统计期内的行政复议案件数（本局为被申请人）', (q) =>
    received(q).where('c.kind', '=', '复议'),
  ),
  countMetric('litigation.lawsuits_received', '收到行政诉讼案件数', '收到起诉状副本的日期在统计期内的行政诉讼案件数（本局为被告）', (q) =>
    received(q).where('c.kind', '=', '诉讼'),
  ),
  countMetric('litigation.concluded', '审结行政复议、行政诉讼案件数', '复议决定或生效裁判的日期在统计期内的案件数（上诉中的案件待二审审结后计入）', concluded),
  countMetric('litigation.corrected', '被纠错案件数', CORRECTION_DEF.replace(' / 审结案件数', ''), (q) => corrected(concluded(q))),
  countMetric('litigation.lost', '行政诉讼败诉案件数', LOSS_DEF.replace(' / 审结的行政诉讼案件数', ''), (q) => lost(concluded(q).where('c.kind', '=', '诉讼'))),
  rateMetric({ key: 'litigation.correction_rate', title: '纠错率', definition: CORRECTION_DEF, den: concluded, num: corrected, mark: 'corrected' }),
  rateMetric({
    key: 'litigation.loss_rate',
    title: '行政诉讼败诉率',
    definition: LOSS_DEF,
    den: (q) => concluded(q).where('c.kind', '=', '诉讼'),
    num: lost,
    mark: 'lost',
  }),
  defineMetric({
    key: 'litigation.head_appearance_rate',
    title: '负责人出庭应诉率',
    unit: 'percent',
    definition: '开庭日期在统计期内的行政诉讼庭审中，本局正职、副职或参与分管的其他负责人出庭应诉的庭次 / 开庭庭次（行政诉讼法第三条第三款）',
    permission: PERMISSION,
    async query(q) {
      return percent(await countOf(hearings(q).where('h.head_role', 'is not', null)), await countOf(hearings(q)));
    },
    async drill(q) {
      const rows = await hearings(q)
        .select(['c.id', 'c.case_no', 'h.instance', 'h.held_on', 'h.head_role', 'h.head_name', 'h.absence_reason'])
        .orderBy('h.held_on')
        .orderBy('c.case_no')
        .execute();
      return {
        columns: [
          { key: 'case_no', title: '案号' },
          { key: 'instance', title: '审级' },
          { key: 'held_on', title: '开庭日期' },
          { key: 'appeared', title: '负责人出庭' },
          { key: 'head', title: '出庭负责人' },
          { key: 'absence_reason', title: '未出庭理由' },
        ],
        rows: rows.map((r) => ({ ...r, appeared: yes(r.head_role), head: r.head_role ? `${r.head_name}（${r.head_role}）` : null })),
        total: rows.length,
        recordRoute: ROUTE,
      };
    },
  }),
];

export const litigationMetricFamilies: MetricFamilyDef[] = [
  correctionBy('litigation.correction_rate_by_act', '纠错率（按被申请、被诉行为类别）', { label: '被申请（被诉）行为类别', column: 'c.act_kind' }),
  correctionBy('litigation.correction_rate_by_unit', '纠错率（按承办单位）', { label: '承办单位', column: 'o.name' }),
];

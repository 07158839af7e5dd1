import { defineMetric, percent, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import { sql } from 'kysely';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { AdviceKind, LegalTables } from './schema.js';

const KEYS: Array<[string, AdviceKind, string]> = [
  ['legal.contracts_reviewed', '合同审查', '法律顾问审核合同数'],
  ['legal.documents_reviewed', '文件审核', '法律顾问审核制度、文件数'],
  ['legal.opinions', '法律意见书', '法律顾问出具法律意见书数'],
  ['legal.meetings', '会议', '法律顾问参加会议次数'],
  ['legal.consultations', '业务研讨', '法律顾问参与业务研讨次数'],
  ['legal.trainings', '专题培训', '法律顾问开展专题法务培训次数'],
];

/** legal.* — legal-advisor records of one type dated in the period. */
export const legalMetrics: MetricDef[] = KEYS.map(([key, kind, title]) => {
  const base = (q: MetricQuery) =>
    q.db.withTables<LegalTables>().selectFrom('legal_advice').$call(inScope(q)).$call(dateInPeriod(q, 'date')).where('kind', '=', kind);
  return defineMetric({
    key,
    title,
    unit: 'count',
    definition: `日期在统计期内、类型为“${kind}”的法律顾问工作记录数`,
    permission: 'legal.read',
    query: (q) => countOf(base(q)),
    async drill(q) {
      const rows = await base(q).select(['id', 'date', 'kind', 'title', 'firm', 'handler']).orderBy('date').orderBy('title').execute();
      return {
        columns: [
          { key: 'date', title: '日期' },
          { key: 'kind', title: '类型' },
          { key: 'title', title: '事项名称' },
          { key: 'firm', title: '顾问单位' },
          { key: 'handler', title: '承办人' },
        ],
        rows,
        total: rows.length,
        recordRoute: '/legal/advice/:id',
      };
    },
  });
});

// ── 行政规范性文件 (国办发〔2018〕37号): issued, repealed, in force, reviewed, filed on time ──
const normative = (q: MetricQuery) => q.db.withTables<LegalTables>().selectFrom('legal_document').$call(inScope(q)).where('kind', '=', '规范性文件');
const NORMATIVE_COLUMNS = [
  { key: 'doc_no', title: '文号' },
  { key: 'title', title: '名称' },
  { key: 'issued_on', title: '公布日期' },
  { key: 'valid_until', title: '有效期至' },
  { key: 'repealed_on', title: '废止日期' },
];
const NORMATIVE_FIELDS = [
  'id',
  'doc_no',
  'title',
  'issued_on',
  'valid_until',
  'repealed_on',
  'reviewed_on',
  'review_result',
  'filing_due',
  'filed_on',
] as const;
type NormativeBase = ReturnType<typeof normative>;

function normativeCount(x: { key: string; title: string; definition: string; base: (q: MetricQuery) => NormativeBase; extra?: typeof NORMATIVE_COLUMNS }) {
  return defineMetric({
    key: x.key,
    title: x.title,
    unit: 'count',
    definition: x.definition,
    permission: 'legal.read',
    query: (q) => countOf(x.base(q)),
    async drill(q) {
      const rows = await x.base(q).select(NORMATIVE_FIELDS).orderBy('issued_on').orderBy('doc_seq').orderBy('title').execute();
      return { columns: [...NORMATIVE_COLUMNS, ...(x.extra ?? [])], rows, total: rows.length, recordRoute: '/legal/documents/:id' };
    },
  });
}

/** Published (统一编号公布) in the period: a published or since repealed normative document. */
const issuedIn = (q: MetricQuery) => normative(q).where('status', 'in', ['published', 'repealed']).$call(dateInPeriod(q, 'issued_on'));

export const normativeMetrics: MetricDef[] = [
  normativeCount({
    key: 'legal.normative_issued',
    title: '本年制发行政规范性文件数',
    definition: '公布日期在统计期内的行政规范性文件数（含其后废止的）',
    base: issuedIn,
  }),
  normativeCount({
    key: 'legal.normative_repealed',
    title: '本年废止行政规范性文件数',
    definition: '废止日期在统计期内的行政规范性文件数（含清理中决定废止的）',
    base: (q) => normative(q).$call(dateInPeriod(q, 'repealed_on')),
  }),
  normativeCount({
    key: 'legal.normative_in_force',
    title: '现行有效行政规范性文件数',
    definition: '统计期末已公布、未废止且未超过有效期的行政规范性文件数',
    base: (q) =>
      normative(q)
        .where('status', 'in', ['published', 'repealed'])
        .where('issued_on', '<=', q.period.to)
        .where((eb) => eb.or([eb('repealed_on', 'is', null), eb('repealed_on', '>', q.period.to)]))
        .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', q.period.to)])),
  }),
  normativeCount({
    key: 'legal.normative_reviewed',
    title: '合法性审核行政规范性文件数',
    definition: '合法性审核日期在统计期内的行政规范性文件数（以最近一次审核为准）',
    base: (q) => normative(q).$call(dateInPeriod(q, 'reviewed_on')),
    extra: [
      { key: 'reviewed_on', title: '审核日期' },
      { key: 'review_result', title: '审核结论' },
    ],
  }),
  defineMetric({
    key: 'legal.normative_filed_on_time',
    title: '行政规范性文件按期备案率',
    unit: 'percent',
    definition: '统计期内公布的行政规范性文件中，在备案期限内（公布之日起30日，可配置）报送备案的比例',
    permission: 'legal.read',
    async query(q) {
      return percent(await countOf(issuedIn(q).where(sql<boolean>`filed_on <= filing_due`)), await countOf(issuedIn(q)));
    },
    async drill(q) {
      const rows = await issuedIn(q)
        .select(NORMATIVE_FIELDS)
        .select(sql<boolean>`coalesce(filed_on <= filing_due, false)`.as('on_time'))
        .orderBy('issued_on')
        .orderBy('doc_seq')
        .execute();
      return {
        columns: [
          ...NORMATIVE_COLUMNS,
          { key: 'filing_due', title: '备案期限' },
          { key: 'filed_on', title: '备案日期' },
          { key: 'on_time_label', title: '按期备案' },
        ],
        rows: rows.map((r) => ({ ...r, on_time_label: r.on_time ? '是' : '否' })),
        total: rows.length,
        recordRoute: '/legal/documents/:id',
      };
    },
  }),
];

/**
 * 重大行政决策 figures — counted in SQL from the catalogue and decision rows, each with a drill-down on the
 * same filters. A decision is 作出 when the collective discussion's result is 同意, on the discussion's
 * date. When the bureau recorded no catalogue for the period's years, the register is not being kept
 * for them: every figure is null (the report flags the sentence instead of stating 0).
 */
import { sql } from 'kysely';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import { defineMetric, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import type { DecisionsTables } from './schema.js';

const PERMISSION = 'decisions.read';
const ROUTE = '/decisions/:id';

const years = (q: MetricQuery) => [Number(q.period.from.slice(0, 4)), Number(q.period.to.slice(0, 4))] as const;

const catalogue = (q: MetricQuery) => {
  const [from, to] = years(q);
  return q.db
    .withTables<DecisionsTables>()
    .selectFrom('dec_catalogue_item as c')
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.org_id'))
    .where('c.year', '>=', from)
    .where('c.year', '<=', to);
};

/** Whether the bureau kept a catalogue for the period's years (whatever the org scope). */
async function supported(q: MetricQuery): Promise<boolean> {
  return (await countOf(catalogue(q).where('c.tenant_id', '=', q.tenantId))) > 0;
}

const decisions = (q: MetricQuery) =>
  q.db
    .withTables<DecisionsTables>()
    .selectFrom('dec_decision as d')
    .leftJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'd.tenant_id').onRef('o.id', '=', 'd.org_id'))
    .$call(inScope(q, 'd'));
type DecisionQuery = ReturnType<typeof decisions>;

/** Made in the period: the head decided 同意 at the collective discussion (第三十条). */
const made = (q: MetricQuery) => decisions(q).where('d.discussion_result', '=', '同意').$call(dateInPeriod(q, 'd.discussion_on'));

const columns = [
  { key: 'title', title: '决策事项' },
  { key: 'org_name', title: '承办单位' },
  { key: 'discussion_on', title: '决定日期' },
  { key: 'participation_on', title: '公众参与' },
  { key: 'expert_on', title: '专家论证' },
  { key: 'risk_on', title: '风险评估' },
  { key: 'review_result', title: '合法性审查' },
  { key: 'publication_on', title: '公布日期' },
  { key: 'evaluation_on', title: '决策后评估' },
];
const rowsOf = (qb: DecisionQuery) =>
  qb
    .select([
      'd.id',
      'd.title',
      'o.name as org_name',
      'd.discussion_on',
      'd.participation_on',
      'd.expert_on',
      'd.risk_on',
      'd.review_result',
      'd.publication_on',
      'd.evaluation_on',
    ])
    .orderBy('d.discussion_on')
    .orderBy('d.title')
    .execute();

function decisionMetric(key: string, title: string, definition: string, base: (q: MetricQuery) => DecisionQuery): MetricDef {
  return defineMetric({
    key,
    title,
    unit: 'count',
    definition: `${definition}（本年度未登记决策事项目录的，无数据）`,
    permission: PERMISSION,
    async query(q) {
      return (await supported(q)) ? countOf(base(q)) : null;
    },
    async drill(q) {
      const rows = await rowsOf(base(q));
      return { columns, rows, total: rows.length, recordRoute: ROUTE };
    },
  });
}

export const decisionMetrics: MetricDef[] = [
  defineMetric({
    key: 'decisions.catalogue_items',
    title: '年度重大行政决策事项目录事项数',
    unit: 'count',
    definition: '统计期所在年度的重大行政决策事项目录中的事项数（重大行政决策程序暂行条例第三条第三款；未登记目录的，无数据）',
    permission: PERMISSION,
    async query(q) {
      const n = await countOf(catalogue(q).$call(inScope(q, 'c')));
      return n || ((await supported(q)) ? 0 : null);
    },
    async drill(q) {
      const rows = await catalogue(q)
        .$call(inScope(q, 'c'))
        .select(['c.id', 'c.year', 'c.seq', 'c.title', 'c.category', 'o.name as org_name', 'c.planned', 'c.published_on'])
        .orderBy('c.year')
        .orderBy('c.seq')
        .execute();
      return {
        columns: [
          { key: 'year', title: '年度' },
          { key: 'seq', title: '序号' },
          { key: 'title', title: '决策事项' },
          { key: 'category', title: '事项类别' },
          { key: 'org_name', title: '承办单位' },
          { key: 'planned', title: '计划完成时间' },
          { key: 'published_on', title: '目录公布日期' },
        ],
        rows,
        total: rows.length,
      };
    },
  }),
  decisionMetric('decisions.made', '作出重大行政决策数', '集体讨论决定日期在统计期内、行政首长决定同意的重大行政决策数', made),
  decisionMetric('decisions.with_participation', '经公众参与的决策数', '统计期内作出的重大行政决策中，已登记公众参与情况的决策数', (q) =>
    made(q).where('d.participation_on', 'is not', null),
  ),
  decisionMetric('decisions.with_expert', '经专家论证的决策数', '统计期内作出的重大行政决策中，已登记专家论证的决策数', (q) =>
    made(q).where('d.expert_on', 'is not', null),
  ),
  decisionMetric('decisions.with_risk', '经风险评估的决策数', '统计期内作出的重大行政决策中，已登记风险评估的决策数', (q) =>
    made(q).where('d.risk_on', 'is not', null),
  ),
  decisionMetric('decisions.legality_reviewed', '经合法性审查的决策数', '统计期内作出的重大行政决策中，合法性审查意见为同意或修改后同意的决策数', (q) =>
    made(q).where(sql<boolean>`d.review_result IN ('同意', '修改后同意')`),
  ),
  decisionMetric('decisions.published', '公布的重大行政决策数', '公布日期在统计期内的重大行政决策数（第三十二条）', (q) =>
    decisions(q).$call(dateInPeriod(q, 'd.publication_on')),
  ),
  decisionMetric('decisions.evaluated', '开展决策后评估的决策数', '决策后评估日期在统计期内的重大行政决策数（第三十六条）', (q) =>
    decisions(q).$call(dateInPeriod(q, 'd.evaluation_on')),
  ),
];

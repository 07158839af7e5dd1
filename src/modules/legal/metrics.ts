import { defineMetric, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
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

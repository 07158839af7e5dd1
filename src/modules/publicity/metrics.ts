import { defineMetric, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { PublicityTables } from './schema.js';

const published = (q: MetricQuery) => q.db.withTables<PublicityTables>().selectFrom('pub_decision').$call(inScope(q)).$call(dateInPeriod(q, 'published_on'));

/** disclosure.credit_items — penalty and permit decisions published (公示日期 in the period). */
export const creditItems = defineMetric({
  key: 'disclosure.credit_items',
  title: '“双公示”公示信息条数',
  unit: 'count',
  definition: '公示日期在统计期内的行政处罚和行政许可决定数',
  permission: 'publicity.read',
  query: (q) => countOf(published(q)),
  async drill(q) {
    const rows = await published(q)
      .select(['id', 'kind', 'decision_no', 'decided_on', 'published_on', 'title', 'source_entity', 'source_id'])
      .orderBy('published_on')
      .execute();
    return {
      columns: [
        { key: 'kind_label', title: '类别' },
        { key: 'decision_no', title: '决定文书号' },
        { key: 'decided_on', title: '决定日期' },
        { key: 'published_on', title: '公示日期' },
        { key: 'title', title: '事项' },
      ],
      rows: rows.map((r) => ({ ...r, kind_label: r.kind === 'penalty' ? '行政处罚' : '行政许可' })),
      total: rows.length,
    };
  },
});

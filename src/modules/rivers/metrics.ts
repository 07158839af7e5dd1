import { defineMetric, defineMetricFamily, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import { DEFAULT_WATER_TYPE, PERIOD_CLASS_METHODS, periodClass, type PeriodClassMethod, type WaterType } from './rules.js';
import type { RiversTables } from './schema.js';

const db = (q: MetricQuery) => q.db.withTables<RiversTables>();
const PERMISSION = 'rivers.read';

const rivers = (q: MetricQuery) => db(q).selectFrom('river').$call(inScope(q));
/** Rivers of which no sample dated in the period graded light or severe. */
const notBlack = (q: MetricQuery) =>
  rivers(q).where(({ not, exists, selectFrom }) =>
    not(
      exists(
        selectFrom('water_sample as s')
          .select('s.id')
          .whereRef('s.tenant_id', '=', 'river.tenant_id')
          .whereRef('s.river_id', '=', 'river.id')
          .where('s.black_grade', 'in', ['light', 'severe'])
          .where('s.sampled_on', '>=', q.period.from)
          .where('s.sampled_on', '<=', q.period.to),
      ),
    ),
  );

async function riverDrill(q: MetricQuery, base: typeof rivers) {
  const rows = await base(q)
    .select((eb) => [
      'river.id',
      'river.name',
      'river.chief',
      eb
        .selectFrom('water_sample as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.tenant_id', '=', 'river.tenant_id')
        .whereRef('s.river_id', '=', 'river.id')
        .where('s.sampled_on', '>=', q.period.from)
        .where('s.sampled_on', '<=', q.period.to)
        .as('samples'),
      eb
        .selectFrom('water_sample as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.tenant_id', '=', 'river.tenant_id')
        .whereRef('s.river_id', '=', 'river.id')
        .where('s.black_grade', 'in', ['light', 'severe'])
        .where('s.sampled_on', '>=', q.period.from)
        .where('s.sampled_on', '<=', q.period.to)
        .as('black_samples'),
    ])
    .orderBy('river.name')
    .execute();
  return {
    columns: [
      { key: 'name', title: '河涌名称' },
      { key: 'chief', title: '河长' },
      { key: 'samples', title: '期内监测次数' },
      { key: 'black_samples', title: '其中黑臭次数' },
    ],
    rows: rows.map((r) => ({ ...r, samples: Number(r.samples), black_samples: Number(r.black_samples) })),
    total: rows.length,
    recordRoute: '/rivers/:id',
  };
}

export const riversTotal = defineMetric({
  key: 'rivers.total',
  title: '河涌数',
  unit: 'count',
  definition: '河涌名录中的河涌数',
  permission: PERMISSION,
  query: (q) => countOf(rivers(q)),
  drill: (q) => riverDrill(q, rivers),
});

export const riversNotBlack = defineMetric({
  key: 'rivers.not_black_odorous',
  title: '不黑不臭河涌数',
  unit: 'count',
  definition: '名录中的河涌里，统计期内没有一次监测被判定为黑臭（轻度或重度）的河涌数',
  permission: PERMISSION,
  query: (q) => countOf(notBlack(q)),
  drill: (q) => riverDrill(q, notBlack as typeof rivers),
});

/**
 * A section's class over the period as a metric family, one member per monitoring section of
 * the register, by one method (rules.ts PERIOD_CLASS_METHODS; each parameter judged by the
 * limits of the section's water body type, GB 3838-2002 表1):
 * - `rivers.section_class.<section>` — the product's convention (METRICS.md): the worst month
 *   of monthly means;
 * - `rivers.section_class_mean.<section>` — 地表水环境质量评价办法（试行）: the period mean.
 */
function sectionClassFamily(prefix: string, method: PeriodClassMethod) {
  const m = PERIOD_CLASS_METHODS[method];
  return defineMetricFamily({
    prefix,
    title: `断面水质类别（${m.label}）`,
    unit: 'class',
    definition: `${m.text}；各项指标按水体类型取GB 3838-2002表1限值（湖泊、水库的总磷取湖、库限值并评价总氮，河流不评价总氮）。评价方法：${m.label}（依据：${m.source}）`,
    permission: PERMISSION,
    async members(q) {
      const rows = await db(q).selectFrom('river_section').select('name').$call(inScope(q)).orderBy('sort').orderBy('name').execute();
      return rows.map((r) => r.name);
    },
    async query(q, member) {
      const { samples, waterType } = await sectionSamples(q, member);
      return periodClass(samples, { method, waterType }).class;
    },
    async drill(q, member) {
      const { samples, waterType } = await sectionSamples(q, member);
      const pc = periodClass(samples, { method, waterType });
      const monthClass = new Map(pc.months.map((mo) => [mo.month, mo.class]));
      const mark = (month: string) => (method === 'worst_month' && month === pc.worstMonth ? '（最差月）' : '');
      return {
        columns: [
          { key: 'sampled_on', title: '采样日期' },
          { key: 'water_type', title: '水体类型' },
          { key: 'do', title: '溶解氧' },
          { key: 'codmn', title: '高锰酸盐指数' },
          { key: 'cod', title: '化学需氧量' },
          { key: 'bod5', title: '五日生化需氧量' },
          { key: 'nh3n', title: '氨氮' },
          { key: 'tp', title: '总磷' },
          { key: 'tn', title: '总氮（湖、库）' },
          { key: 'gb_class', title: '单次类别' },
          { key: 'month_class', title: '当月均值类别' },
          { key: 'method', title: '评价方法' },
        ],
        rows: samples.map((s) => ({
          ...s,
          water_type: waterType,
          month_class: `${monthClass.get(s.sampledOn.slice(0, 7)) ?? '—'}${mark(s.sampledOn.slice(0, 7))}`,
          method: m.label,
        })),
        total: samples.length,
        recordRoute: '/rivers/samples/:id',
      };
    },
  });
}

/** rivers.section_class.<section> — worst month of monthly means (METRICS.md; the seed report's figure). */
export const sectionClass = sectionClassFamily('rivers.section_class', 'worst_month');
/** rivers.section_class_mean.<section> — the period mean (地表水环境质量评价办法（试行）). */
export const sectionClassMean = sectionClassFamily('rivers.section_class_mean', 'period_mean');

/** A section's samples in the period (in scope), with its river's water type. */
async function sectionSamples(q: MetricQuery, section: string) {
  const rows = await db(q)
    .selectFrom('water_sample')
    .innerJoin('river_section as sec', (j) => j.onRef('sec.tenant_id', '=', 'water_sample.tenant_id').onRef('sec.id', '=', 'water_sample.section_id'))
    .innerJoin('river as r', (j) => j.onRef('r.tenant_id', '=', 'water_sample.tenant_id').onRef('r.id', '=', 'water_sample.river_id'))
    .select(['water_sample.id', 'sampled_on', 'do_mgl', 'codmn_mgl', 'cod_mgl', 'bod5_mgl', 'nh3n_mgl', 'tp_mgl', 'tn_mgl', 'gb_class', 'r.water_type'])
    .$call(inScope(q, 'water_sample'))
    .where('sec.name', '=', section)
    .$call(dateInPeriod(q, 'sampled_on'))
    .orderBy('sampled_on')
    .execute();
  const n = (v: unknown) => (v == null ? null : Number(v));
  const samples = rows.map((r) => ({
    id: r.id,
    sampledOn: r.sampled_on,
    sampled_on: r.sampled_on,
    do: n(r.do_mgl),
    codmn: n(r.codmn_mgl),
    cod: n(r.cod_mgl),
    bod5: n(r.bod5_mgl),
    nh3n: n(r.nh3n_mgl),
    tp: n(r.tp_mgl),
    tn: n(r.tn_mgl),
    gb_class: r.gb_class,
  }));
  // A section belongs to one river: its type is the same on every row.
  return { samples, waterType: (rows[0]?.water_type ?? DEFAULT_WATER_TYPE) as WaterType };
}

export const riversMetrics = [riversTotal, riversNotBlack];

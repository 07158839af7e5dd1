import { defineMetric, type DrillResult, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { FloodTables, ProjectKind } from './schema.js';

const db = (q: MetricQuery) => q.db.withTables<FloodTables>();
const PERMISSION = 'flood.read';

// ── Deployments: sums over the records dated in the period ──
const deployments = (q: MetricQuery) => db(q).selectFrom('flood_deployment').$call(inScope(q)).$call(dateInPeriod(q, 'on_date'));

async function deploymentDrill(q: MetricQuery, sumOf: 'persons' | 'pumps' | 'vehicles'): Promise<DrillResult> {
  const rows = await deployments(q).select(['id', 'on_date', 'event', 'persons', 'pumps', 'vehicles']).orderBy('on_date').orderBy('event').execute();
  return {
    columns: [
      { key: 'on_date', title: '日期' },
      { key: 'event', title: '事件' },
      { key: 'persons', title: '投入人员（人次）' },
      { key: 'pumps', title: '抽水泵（台次）' },
      { key: 'vehicles', title: '车辆（台次）' },
    ],
    rows,
    total: rows.length,
    sumOf,
    recordRoute: '/flood/deployments/:id',
  };
}

function deploymentSum(key: 'person_times' | 'pump_times' | 'vehicle_times', column: 'persons' | 'pumps' | 'vehicles', title: string, what: string) {
  return defineMetric({
    key: `flood.${key}`,
    title,
    unit: 'count',
    definition: `日期在统计期内的抢险投入记录的${what}之和`,
    permission: PERMISSION,
    async query(q) {
      const r = await deployments(q)
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(column), eb.lit(0)).as('n'))
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    drill: (q) => deploymentDrill(q, column),
  });
}

export const personTimes = deploymentSum('person_times', 'persons', '内涝抢险投入人员（人次）', '投入人员（人次）');
export const pumpTimes = deploymentSum('pump_times', 'pumps', '内涝抢险投入抽水泵（台次）', '抽水泵（台次）');
export const vehicleTimes = deploymentSum('vehicle_times', 'vehicles', '内涝抢险投入车辆（台次）', '车辆（台次）');

// ── Projects ──
/** Projects of a kind whose date (start or completion) falls in the period. */
function projectCount({
  key,
  title,
  kind,
  dateCol,
  definition,
}: {
  key: string;
  title: string;
  kind: ProjectKind;
  dateCol: 'completed_on' | 'started_on';
  definition: string;
}) {
  const base = (q: MetricQuery) => db(q).selectFrom('flood_project').$call(inScope(q)).where('kind', '=', kind).$call(dateInPeriod(q, dateCol));
  return defineMetric({
    key,
    title,
    unit: 'count',
    definition,
    permission: PERMISSION,
    query: (q) => countOf(base(q)),
    async drill(q) {
      const rows = await base(q).select(['id', 'name', 'kind', 'started_on', 'completed_on', 'status']).orderBy(dateCol).orderBy('name').execute();
      return {
        columns: [
          { key: 'name', title: '名称' },
          { key: 'kind', title: '类型' },
          { key: 'started_on', title: '开始日期' },
          { key: 'completed_on', title: '完成日期' },
          { key: 'status', title: '状态' },
        ],
        rows,
        total: rows.length,
        recordRoute: '/flood/projects/:id',
      };
    },
  });
}

export const plansCompleted = projectCount({
  key: 'flood.plans_completed',
  title: '完成内涝治理项目（方案编制）',
  kind: '内涝治理项目',
  dateCol: 'completed_on',
  definition: '类型为“内涝治理项目”、完成日期在统计期内的项目数',
});
export const emergencyWorks = projectCount({
  key: 'flood.emergency_works',
  title: '开展零星排水改造应急工程',
  kind: '零星排水改造应急工程',
  dateCol: 'started_on',
  definition: '类型为“零星排水改造应急工程”、开始日期在统计期内的工程数',
});

// ── Risk points: the register as at the period's end ──
const registered = (q: MetricQuery) => db(q).selectFrom('flood_risk_point').$call(inScope(q)).where('registered_on', '<=', q.period.to);
const remediated = (q: MetricQuery) => registered(q).where('completed_on', 'is not', null).where('completed_on', '<=', q.period.to);
const notRemediated = (q: MetricQuery) => registered(q).where((eb) => eb.or([eb('completed_on', 'is', null), eb('completed_on', '>', q.period.to)]));

function pointsMetric(key: string, title: string, definition: string, base: (q: MetricQuery) => ReturnType<typeof registered>) {
  return defineMetric({
    key,
    title,
    unit: 'count',
    definition,
    permission: PERMISSION,
    query: (q) => countOf(base(q)),
    async drill(q) {
      const rows = await base(q)
        .select((eb) => [
          'id',
          'code',
          'name',
          'registered_on',
          'completed_on',
          'status',
          eb
            .selectFrom('org')
            .select('org.name')
            .whereRef('org.tenant_id', '=', 'flood_risk_point.tenant_id')
            .whereRef('org.id', '=', 'flood_risk_point.org_id')
            .as('street'),
        ])
        .orderBy('code')
        .execute();
      return {
        columns: [
          { key: 'code', title: '编号' },
          { key: 'name', title: '名称' },
          { key: 'street', title: '所在街道' },
          { key: 'registered_on', title: '纳入台账日期' },
          { key: 'completed_on', title: '完成日期' },
          { key: 'status', title: '当前整治状态' },
        ],
        rows: rows.map((r) => ({ ...r, completed_on: r.completed_on && r.completed_on <= q.period.to ? r.completed_on : null })),
        total: rows.length,
        recordRoute: '/flood/risk-points/:id',
      };
    },
  });
}

export const pointsRegistered = pointsMetric('flood.risk_points.registered', '在册水浸风险点', '纳入台账日期不晚于统计期末的风险点数', registered);
export const pointsRemediated = pointsMetric('flood.risk_points.remediated', '已完成整治的水浸风险点', '在册风险点中，完成日期不晚于统计期末的', remediated);
export const pointsInProgress = pointsMetric(
  'flood.risk_points.in_progress',
  '正在推进整治的水浸风险点',
  '在册风险点中，统计期末尚未完成整治的（在册数减已完成数）',
  notRemediated,
);

export const floodMetrics = [personTimes, pumpTimes, vehicleTimes, plansCompleted, emergencyWorks, pointsRegistered, pointsRemediated, pointsInProgress];

import { defineMetric, type MetricQuery } from '../../core/metrics/registry.js';

const streetsQuery = (q: MetricQuery) =>
  q.db
    .selectFrom('org')
    .where('tenant_id', '=', q.tenantId)
    .where('kind', '=', 'street')
    .$if(!!q.orgIds, (qb) => qb.where('id', 'in', q.orgIds!.length ? [...q.orgIds!] : ['00000000-0000-0000-0000-000000000000']));

/** 街道数 — the street offices of the bureau's district (the units of delegated enforcement). */
export const orgStreets = defineMetric({
  key: 'org.streets',
  title: '街道数',
  unit: 'count',
  definition: '单位台账中类型为“街道”的单位数',
  permission: 'system.orgs.read',
  async query(q) {
    const r = await streetsQuery(q)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  async drill(q) {
    const rows = await streetsQuery(q).select(['id', 'name', 'division_code']).orderBy('sort').execute();
    return {
      columns: [
        { key: 'name', title: '单位名称' },
        { key: 'division_code', title: '行政区划代码' },
      ],
      rows,
      total: rows.length,
      recordRoute: '/system/orgs/:id',
    };
  },
});

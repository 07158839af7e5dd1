import { type KyselyPlugin, type RootOperationNode, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../src/core/context.js';
import { type MetricDef, type MetricQuery, metricQuery, monthPeriod, percent, yearPeriod } from '../../../src/core/metrics/registry.js';
import type { System } from '../../../src/core/system.js';
import { listTenants } from '../../../src/core/tenant.js';
import { testSystem } from '../../helpers/system.js';
import { demandPass } from '../../../src/modules/demands/index.js';
import { hotlineKind } from '../../../src/modules/hotline/kind.js';
import { ordDiffSql } from '../../../src/core/calendar/workDays.js';

let sys: System;
let tenantId: string;
let streetId: string;
let defs: MetricDef[];

beforeAll(async () => {
  sys = await testSystem('demo');
  tenantId = (await listTenants(sys.db))[0]!.id;
  const street = await sys.db
    .selectFrom('org')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'street')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  streetId = street.id;
  defs = sys.registry.metrics.list().filter((d) => /^(hotline|petitions|proposals|disclosure\.requests)\./.test(d.key) && d.pass);
});
afterAll(() => sys.close());

/** Counts the statements that read `dm_item` through a database handle. */
function counting(q: MetricQuery): { q: MetricQuery; reads: () => number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (a) => {
      if (a.node.kind === 'SelectQueryNode' && JSON.stringify(a.node as RootOperationNode).includes('"dm_item"')) n++;
      return a.node;
    },
    transformResult: async (a) => a.result,
  };
  return { q: { ...q, db: q.db.withPlugin(plugin) }, reads: () => n };
}

// A clock in mid-2023: 2023's open work is judged on today, 2022's on 31 December.
const query = (period: ReturnType<typeof yearPeriod>, orgIds: string[] | null) =>
  metricQuery(sys.ctx(systemActor(tenantId), { clock: { now: () => new Date('2023-06-15T04:00:00Z'), today: () => '2023-06-15' } }), period, orgIds);

describe('demand metrics computed by one pass a kind', () => {
  it('declares a pass for every figure of the four demand kinds', () => {
    const kinds = new Set(defs.map((d) => d.pass!.pass.id));
    expect([...kinds].sort()).toEqual(['dm_item.disclosure', 'dm_item.hotline', 'dm_item.petition', 'dm_item.proposal']);
    expect(defs.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ['2022, the bureau', () => query(yearPeriod(2022), null)],
    ['2023 (not over), the bureau', () => query(yearPeriod(2023), null)],
    ['June 2022, the bureau', () => query(monthPeriod(2022, 6), null)],
    ['2022, one street', () => query(yearPeriod(2022), [streetId])],
  ])('%s: reads dm_item once a kind and gives each metric’s own value, its drill listing the records behind it', async (_, make) => {
    const base = make();
    const batch = counting(base);
    const values = await sys.registry.metrics.computeAll(batch.q, defs);
    expect(batch.reads()).toBe(4);
    for (const d of defs) {
      const alone = counting(base);
      expect({ key: d.key, value: await d.query(alone.q) }).toEqual({ key: d.key, value: values[d.key] });
      expect(alone.reads()).toBe(1);
      const drill = await d.drill(base);
      expect(drill.total).toBe(drill.rows.length);
      if (d.unit === 'count') expect({ key: d.key, total: drill.total }).toEqual({ key: d.key, total: values[d.key] });
      if (d.unit === 'percent') {
        const counted = drill.rows.filter((r) => r.counted === '是').length;
        expect({ key: d.key, rate: percent(counted, drill.rows.length) }).toEqual({ key: d.key, rate: values[d.key] });
      }
      if (d.key === 'hotline.avg_handling_workdays') {
        const sum = drill.rows.reduce((s, r) => s + Number(r.workdays), 0);
        const avg = drill.rows.length ? Math.round((sum / drill.rows.length) * 100) / 100 : null;
        expect(avg).toBe(values[d.key]);
      }
    }
    // The demo has figures in these periods: the comparison is not of zeros.
    if (base.period.label === '2022年' && !base.orgIds) expect(values['hotline.closed']).toBe(981);
  });

  it('reads the working-day table only when an aggregate uses it (the planner leaves the unused joins out)', async () => {
    const q = query(yearPeriod(2022), null);
    const plan = async (agg: ReturnType<typeof sql>) => JSON.stringify(await demandPass(hotlineKind).source(q).select(agg.as('x')).explain('json'));
    expect(await plan(sql`count(*)`)).not.toContain('work_day');
    expect(await plan(sql`avg(${ordDiffSql('wd_rcv', 'wd_closed')})`)).toContain('work_day');
  });
});

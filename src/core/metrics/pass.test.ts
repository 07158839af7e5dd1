import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { KernelDB } from '../db/types.js';
import { allOf, countWhere, type MetricPass } from './pass.js';
import { MetricRegistry, defineMetric, type MetricQuery } from './registry.js';

/** A database that answers every statement with one row and records the SQL it was sent. */
function recordingDb(row: Record<string, unknown>) {
  const sent: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<KernelDB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => {
        const d = new DummyDriver();
        return Object.assign(d, {
          acquireConnection: async () => ({
            executeQuery: async (c: { sql: string; parameters: readonly unknown[] }) => {
              sent.push({ sql: c.sql, parameters: c.parameters });
              return { rows: [row] };
            },
            streamQuery: () => {
              throw new Error('no streams');
            },
          }),
        });
      },
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, sent };
}

const pass: MetricPass = { id: 't.items', source: (q) => q.db.selectFrom('org').where('org.tenant_id', '=', q.tenantId) };
const closed = () => sql<boolean>`org.kind = 'street'`;
const count = (key: string, where: () => ReturnType<typeof closed>) =>
  defineMetric({
    key,
    title: key,
    unit: 'count',
    definition: key,
    pass: { pass, rows: where, aggregates: () => ({ n: countWhere(where()) }), value: (r) => Number(r.n ?? 0) },
    drill: async () => ({ columns: [], rows: [], total: 0 }),
  });
const rate = defineMetric({
  key: 't.rate',
  title: 'rate',
  unit: 'percent',
  definition: 'rate',
  pass: {
    pass,
    rows: closed,
    aggregates: () => ({ den: countWhere(closed()), num: countWhere(allOf(closed(), sql<boolean>`org.name LIKE '%街%'`)) }),
    value: (r) => `${r.num}/${r.den}`,
  },
  drill: async () => ({ columns: [], rows: [], total: 0 }),
});
const other = defineMetric({
  key: 't.other',
  title: 'o',
  unit: 'count',
  definition: 'o',
  query: async () => 7,
  drill: async () => ({ columns: [], rows: [], total: 0 }),
});

describe('metric passes', () => {
  it('computes the metrics of a pass by one statement, an aggregate two metrics share selected once', async () => {
    const { db, sent } = recordingDb({ a0: '4', a1: '3', a2: '9' });
    const q = { db, tenantId: 't1', period: { from: '2022-01-01', to: '2022-12-31', label: '2022年' }, orgIds: null } as unknown as MetricQuery;
    const reg = new MetricRegistry([count('t.closed', closed), rate, other, count('t.all', () => sql<boolean>`true`)]);
    const values = await reg.computeAll(q);
    expect(values).toEqual({ 't.closed': 4, 't.rate': '3/4', 't.other': 7, 't.all': 9 });
    expect(Object.keys(values)).toEqual(['t.closed', 't.rate', 't.other', 't.all']);
    expect(sent).toHaveLength(1);
    const s = sent[0]!.sql;
    // Three distinct aggregates (the closed count is the rate's denominator too), and the union of the rows read.
    expect(s.match(/count\(\*\) FILTER/g)).toHaveLength(3);
    expect(s).toContain(`where "org"."tenant_id" = $1 and ((org.kind = 'street') OR (true))`);
    expect(s).toContain(`count(*) FILTER (WHERE ((org.kind = 'street') AND (org.name LIKE '%街%')))`);
  });

  it('computes a metric of a pass alone by the pass statement with only its aggregates', async () => {
    const { db, sent } = recordingDb({ a0: '4', a1: '3' });
    const q = { db, tenantId: 't1' } as unknown as MetricQuery;
    expect(await rate.query(q)).toBe('3/4');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.sql.match(/count\(\*\) FILTER/g)).toHaveLength(2);
    expect(sent[0]!.sql).toContain(`and ((org.kind = 'street'))`);
  });
});

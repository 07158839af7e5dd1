import { describe, expect, it } from 'vitest';
import { MetricRegistry, defineMetric, defineMetricFamily, percent, type MetricQuery } from './registry.js';

const q = { tenantId: 't', period: { from: '2022-01-01', to: '2022-12-31', label: '2022年' }, orgIds: null } as unknown as MetricQuery;
const count = defineMetric({
  key: 'a.count',
  title: '计数',
  unit: 'count',
  definition: 'x',
  query: async () => 3,
  drill: async () => ({ columns: [], rows: [], total: 3 }),
});
const family = defineMetricFamily({
  prefix: 'rivers.section_class',
  title: '断面水质类别',
  unit: 'class',
  definition: 'worst monthly-mean class',
  members: async () => ['猎德', '鱼珠'],
  query: async (_q, m) => (m === '猎德' ? 'IV' : 'III'),
  drill: async (_q, m) => ({ columns: [], rows: [{ section: m }], total: 1 }),
});

describe('metric registry', () => {
  it('expands families into one metric per member the data names', async () => {
    const reg = new MetricRegistry([count], [family]);
    expect(await reg.computeAll(q)).toEqual({ 'a.count': 3, 'rivers.section_class.猎德': 'IV', 'rivers.section_class.鱼珠': 'III' });
  });

  it('resolves a family member by key, and nothing for an unknown key', async () => {
    const reg = new MetricRegistry([count], [family]);
    expect(await reg.resolve('rivers.section_class.猎德')?.query(q)).toBe('IV');
    expect(reg.resolve('rivers.section_class')).toBeUndefined();
    expect(reg.resolve('no.such')).toBeUndefined();
  });

  it('refuses a key declared twice', () => {
    expect(() => new MetricRegistry([count, count])).toThrow(/declared twice/);
  });

  it.each([
    [841, 981, 85.73],
    [0, 0, null],
    [1, 3, 33.33],
    [2, 3, 66.67],
  ])('percent(%i, %i) = %s', (n, d, r) => expect(percent(n, d)).toBe(r));
});

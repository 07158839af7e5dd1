import { describe, expect, it } from 'vitest';
import { Registry } from '../../core/system.js';
import { defineModule } from '../../core/module.js';
import { modules } from '../index.js';
import { RULE_OF_LAW_REPORT, reportMetrics, unknownReportMetrics, type SectionDef } from './template.js';
import { unknownDashboardMetrics } from './dashboard.js';

const registry = {
  resolve: (k: string) => (['enforcement.bureau.filed', 'rivers.section.猎德涌'].includes(k) || k.startsWith('rivers.section.') ? {} : undefined),
};
const section = (...metrics: string[]): SectionDef[] => [
  { key: 's', title: 't', sentences: [{ parts: metrics.map((metric) => ({ metric })) }] } as unknown as SectionDef,
];

describe('metric keys named by the report, checked at start-up', () => {
  it.each([
    ['a registered key', ['enforcement.bureau.filed'], ['enforcement', 'rivers'], []],
    ['a family member', ['rivers.section.猎德涌'], ['enforcement', 'rivers'], []],
    ['a misspelt key of an enabled module', ['enforcement.bureau.fiiled'], ['enforcement'], ['enforcement.bureau.fiiled']],
    ['a key of a module not enabled (a warning in the report, not a start-up error)', ['licensing.permits.accepted'], ['enforcement'], []],
  ] as const)('%s', (_n, keys, enabled, expected) => {
    expect(unknownReportMetrics(registry, enabled, section(...keys))).toEqual(expected);
  });

  it("every key the product's report names is registered", () => {
    const reg = new Registry(modules);
    expect(reportMetrics(RULE_OF_LAW_REPORT).length).toBeGreaterThan(50);
    expect(
      unknownReportMetrics(
        reg.metrics,
        modules.map((m) => m.key),
      ),
    ).toEqual([]);
  });

  it('every key the dashboard names is registered, and a misspelt one would be named', () => {
    const reg = new Registry(modules);
    expect(
      unknownDashboardMetrics(
        reg.metrics,
        modules.map((m) => m.key),
      ),
    ).toEqual([]);
    expect(unknownDashboardMetrics({ resolve: (k) => (k === 'hotline.closed' ? {} : undefined) }, ['hotline'])).toEqual([
      'hotline.on_time_rate',
      'hotline.satisfaction_rate',
    ]);
  });

  it('a module whose check fails stops the start, naming the problem', () => {
    const broken = defineModule({ key: 'probe', title: 'probe', checks: () => ['报告句子引用的指标 enforcement.bureau.fiiled 未注册'] });
    expect(() => new Registry([...modules, broken])).toThrow(/probe: 报告句子引用的指标 enforcement\.bureau\.fiiled 未注册/);
  });
});

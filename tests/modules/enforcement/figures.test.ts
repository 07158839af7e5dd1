import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ leader: 'leader' });

/** The report's 2022 figures (METRICS.md), each drillable to exactly its cases. */
const FIGURES: Array<[string, number]> = [
  ['enforcement.bureau.filed', 24],
  ['enforcement.bureau.closed', 21],
  ['enforcement.bureau.closed_warning', 7],
  ['enforcement.bureau.closed_fine', 14],
  ['enforcement.streets.filed', 41],
  ['enforcement.streets.closed', 37],
  ['enforcement.streets.closed_warning', 27],
  ['enforcement.streets.closed_fine', 10],
  ['enforcement.delegated_items', 48],
];

describe('the demo bureau reproduces the 2022 report', () => {
  it.each(FIGURES)('%s = %i, and its drill-down lists exactly that many records', async (key, value) => {
    const r = await env.leader.req('GET', `/api/metrics/${key}/drill?year=2022`);
    expect(r.status).toBe(200);
    expect(r.body.data.value).toBe(value);
    expect(r.body.data.total).toBe(value);
    expect(r.body.data.rows).toHaveLength(value);
  });

  it.each([
    ['enforcement.bureau.penalty_yuan', 701100],
    ['enforcement.streets.penalty_yuan', 124360],
  ])('%s = %d yuan, the sum of its drill-down', async (key, yuan) => {
    const r = await env.leader.req('GET', `/api/metrics/${key}/drill?year=2022`);
    expect(r.body.data.value).toBe(yuan);
    const sum = r.body.data.rows.reduce((s: number, x: any) => s + Math.round(x.amount_yuan * 100), 0);
    expect(sum).toBe(yuan * 100);
  });

  it('all officers certified and passed (staff.cert_holding_rate, staff.cert_exam_pass_rate = 100)', async () => {
    const m = (await env.leader.req('GET', '/api/metrics?year=2022')).body.data;
    const v = (k: string) => m.find((x: any) => x.key === k)?.value;
    expect(v('staff.cert_holding_rate')).toBe(100);
    expect(v('staff.cert_exam_pass_rate')).toBe(100);
    expect(v('enforcement.legal_reviews')).toBeGreaterThan(0);
    expect(v('enforcement.collective_discussions')).toBeGreaterThan(0);
    expect(v('enforcement.avg_workdays_to_decision')).toBeGreaterThan(0);
    // The drill's working days per case average to the figure.
    const days = (await env.leader.req('GET', '/api/metrics/enforcement.avg_workdays_to_decision/drill?year=2022')).body.data.rows.map((r: any) => r.workdays);
    expect(days.every((d: unknown) => typeof d === 'number')).toBe(true);
    expect(Math.round((days.reduce((a: number, b: number) => a + b, 0) / days.length) * 10) / 10).toBe(v('enforcement.avg_workdays_to_decision'));
    const drill = (await env.leader.req('GET', '/api/metrics/staff.cert_holding_rate/drill?year=2022')).body.data;
    expect(drill.rows.every((r: any) => r.counted === '是')).toBe(true);
  });

  it('bureau cases belong to 水政监察大队 and street cases are spread unevenly over the streets', async () => {
    const bureau = (await env.leader.req('GET', '/api/metrics/enforcement.bureau.filed/drill?year=2022')).body.data.rows;
    expect(new Set(bureau.map((r: any) => r.org_name))).toEqual(new Set(['水政监察大队']));
    const streets = (await env.leader.req('GET', '/api/metrics/enforcement.streets.filed/drill?year=2022')).body.data.rows;
    const per = new Map<string, number>();
    for (const r of streets) per.set(r.org_name, (per.get(r.org_name) ?? 0) + 1);
    expect(per.size).toBeGreaterThan(8);
    expect(Math.max(...per.values())).toBeGreaterThan(Math.min(...per.values()) + 1);
  });

  it('has a partial 2023 for year-over-year', async () => {
    const m = (await env.leader.req('GET', '/api/metrics?year=2023')).body.data;
    expect(m.find((x: any) => x.key === 'enforcement.bureau.filed').value).toBeGreaterThan(0);
    expect(m.find((x: any) => x.key === 'enforcement.streets.filed').value).toBeGreaterThan(0);
  });
});

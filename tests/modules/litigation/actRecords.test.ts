import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

/** The challenged record: found by number in the caller's scope, linked only when it is of the case's kind of act. */

const env = serverSuite({ legal: 'legal', viewer: 'viewer' });

const review = (over: Record<string, unknown>) => ({
  caseNo: `天府复〔2023〕${Math.floor(Math.random() * 90000) + 10000}号`,
  kind: '复议',
  claimantType: '法人',
  claimantName: '广州某某排水工程有限公司',
  actKind: '行政处罚',
  actTitle: '行政处罚决定',
  body: '广州市天河区人民政府',
  receivedOn: '2023-09-16',
  ...over,
});
type Rec = { entity: string; id: string; number: string; title: string; date: string | null };
const find = async (actKind: string, q = ''): Promise<Rec[]> => {
  const r = await env.legal.req('GET', `/api/litigation/act-records?actKind=${encodeURIComponent(actKind)}&q=${encodeURIComponent(q)}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data;
};

describe('the challenged record of a case', () => {
  it('finds penalty cases by number and links one; the case shows the link', async () => {
    const all = await find('行政处罚');
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => r.entity === 'enforcement.case')).toBe(true);
    const one = all[0]!;
    const byNo = await find('行政处罚', one.number);
    expect(byNo.map((r) => r.id)).toContain(one.id);
    const r = await env.legal.req('POST', '/api/litigation/cases', review({ actEntity: one.entity, actRecordId: one.id }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ actEntity: 'enforcement.case', actRecordId: one.id });
    expect((await env.legal.req('GET', `/api/litigation/cases/${r.body.data.id}`)).body.data).toMatchObject({ actRecordId: one.id });
  });

  it('finds permits, disclosure and petition replies; a kind without records to link finds none', async () => {
    const disclosure = await find('政府信息公开答复');
    expect(disclosure.length).toBeGreaterThan(0);
    expect(disclosure.every((r) => r.entity === 'disclosure.request')).toBe(true);
    expect((await find('信访处理意见')).every((r) => r.entity === 'petitions.petition')).toBe(true);
    const permits = await find('行政许可');
    expect(permits.length).toBeGreaterThan(0);
    expect(permits.every((r) => r.entity === 'licensing.permit')).toBe(true);
    expect((await find('行政许可', permits[0]!.number)).map((r) => r.id)).toContain(permits[0]!.id);
    expect(await find('其他')).toEqual([]);
  });

  it('finds inspection records by number or entity and links one; a permit is refused for a 行政检查 case', async () => {
    const inspections = await find('行政检查');
    expect(inspections.length).toBeGreaterThan(0);
    expect(inspections.every((r) => r.entity === 'inspections.record')).toBe(true);
    const one = inspections[0]!;
    expect((await find('行政检查', one.number)).map((r) => r.id)).toEqual([one.id]);
    const entityName = one.title.split('　')[0]!;
    expect((await find('行政检查', entityName)).map((r) => r.id)).toContain(one.id);
    expect(await find('行政检查', '%')).toEqual([]);
    const ok = await env.legal.req('POST', '/api/litigation/cases', review({ actKind: '行政检查', actEntity: one.entity, actRecordId: one.id }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.data).toMatchObject({ actEntity: 'inspections.record', actRecordId: one.id });
    const [permit] = await find('行政许可');
    const bad = await env.legal.req('POST', '/api/litigation/cases', review({ actKind: '行政检查', actEntity: permit!.entity, actRecordId: permit!.id }));
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('actEntity');
  });

  // Each refused, naming the field, and nothing registered.
  it('refuses a record of another kind of act, an unknown record and hostile input, naming the field', async () => {
    const [penalty] = await find('行政处罚');
    const [reply] = await find('政府信息公开答复');
    const before = (await env.legal.req('GET', '/api/litigation/cases?pageSize=1')).body.data.total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ actKind: '政府信息公开答复', actEntity: 'enforcement.case', actRecordId: penalty!.id }, 'actEntity'],
      [{ actKind: '行政处罚', actEntity: 'disclosure.request', actRecordId: reply!.id }, 'actEntity'],
      [{ actEntity: 'enforcement.case', actRecordId: '00000000-0000-4000-8000-000000000000' }, 'actRecordId'],
      [{ actEntity: 'enforcement.case', actRecordId: 'not-a-uuid' }, 'actRecordId'],
      [{ actEntity: 'enforcement.case' }, 'actRecordId'],
      [{ actEntity: 'no.such', actRecordId: penalty!.id }, 'actEntity'],
      [{ actEntity: 'enforcement.case\u0000', actRecordId: penalty!.id }, 'actEntity'],
      [{ actEntity: 'x'.repeat(1_000_000), actRecordId: penalty!.id }, 'actEntity'],
      [{ actEntity: 'enforcement.case', actRecordId: penalty!.id, receivedOn: '2023-02-30' }, 'receivedOn'],
    ];
    for (const [over, field] of cases) {
      const r = await env.legal.req('POST', '/api/litigation/cases', review(over));
      expect(r.status, JSON.stringify(over).slice(0, 100)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.field, JSON.stringify(r.body).slice(0, 200)).toBe(field);
    }
    for (const url of [
      '/api/litigation/act-records?actKind=行政处罚&q=%00',
      `/api/litigation/act-records?actKind=行政处罚&q=${'x'.repeat(100)}`,
      '/api/litigation/act-records?actKind=不存在',
    ]) {
      const r = await env.legal.req('GET', encodeURI(url).replace(/%25/g, '%'));
      expect(r.status, url.slice(0, 80)).toBe(400);
      expect(r.body.field, JSON.stringify(r.body).slice(0, 200)).toBeTruthy();
    }
    expect((await env.viewer.req('GET', `/api/litigation/act-records?actKind=${encodeURIComponent('行政处罚')}`)).status).toBe(403);
    expect((await env.legal.req('GET', '/api/litigation/cases?pageSize=1')).body.data.total).toBe(before);
  });
});

/**
 * The one write path for 12345 orders: a ledger import goes through the same
 * function as the intake form — same record, same deadlines — takes a past rule
 * breach as a finding, records provenance instead of one event per row, and can
 * be undone while nothing has been built on its rows.
 */
import { describe, expect, it } from 'vitest';
import { uploadLedger } from '../../helpers/http.js';
import { verifyChain } from '../../../src/core/audit/audit.js';
import { serverSuite } from '../../helpers/server.js';

const HEAD = '工单编号,受理时间,诉求类型,诉求内容,承办单位,办理时限,办结时间,回复时间,满意度';
const csv = (...rows: string[]) => `${HEAD}\n${rows.join('\n')}\n`;

const env = serverSuite({ clerk: 'clerk' });

const byRef = async (ref: string) => (await env.clerk.req('GET', `/api/hotline/items?q=${ref}`)).body.data.items[0];

describe('12345 orders through the one write path', () => {
  let importId: string;

  it('takes a late closure as a finding with its row, column, rule and statute, and writes one audit event for the file', async () => {
    const seqBefore = (await verifyChain(env.sys.db, env.tenantId)).events;
    const res = await uploadLedger(
      env.clerk,
      'hotline-orders',
      csv(
        'GZ-IMP-0001,2026-03-02 09:00,投诉,路面积水,排水管理科,3,,,',
        'GZ-IMP-0002,2026-03-02 09:00,投诉,井盖缺失,排水管理科,3,2026-03-20 10:00,2026-03-20 10:00,满意',
      ),
      '12345工单.csv',
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: true, created: 2, updated: 0, unchanged: 0 });
    importId = res.body.data.importId;
    expect(res.body.data.findings).toEqual([expect.objectContaining({ row: 3, rule: 'hotline.done_in_time', message: expect.stringContaining('晚于') })]);
    expect(res.body.data.findings[0].statute).not.toBe('');
    const chain = await verifyChain(env.sys.db, env.tenantId);
    expect(chain.ok).toBe(true);
    // One event for the whole import, not one per row.
    expect(chain.events - seqBefore).toBe(1);
    const late = await byRef('GZ-IMP-0002');
    const findings = (await env.clerk.req('GET', `/api/findings/hotline.order/${late.id}`)).body.data;
    expect(findings).toEqual([expect.objectContaining({ rule: 'hotline.done_in_time', row: 3, importId })]);
  });

  it('gives an imported open order the same record and tracked deadlines as one taken in through the form', async () => {
    const formed = await env.clerk.req('POST', '/api/hotline/items', {
      refNo: 'GZ-FORM-0001',
      receivedAt: '2026-03-02 09:00',
      demandType: '投诉',
      title: '路面积水',
      content: '路面积水',
      orgId: (await env.clerk.req('GET', '/api/hotline/items?q=GZ-IMP-0001')).body.data.items[0].orgId,
      timeLimit: 3,
    });
    expect(formed.status).toBe(201);
    const a = (await env.clerk.req('GET', `/api/hotline/items/${(await byRef('GZ-IMP-0001')).id}`)).body.data;
    const b = (await env.clerk.req('GET', `/api/hotline/items/${formed.body.data.id}`)).body.data;
    const strip = (r: Record<string, unknown>) => {
      const { id, refNo, version, actions, links, ...rest } = r as any;
      return rest;
    };
    expect(strip(a)).toEqual(strip(b));
    const deadlines = (await env.clerk.req('GET', '/api/deadlines?module=hotline')).body.data as Array<{ entityId: string; title: string; due: string }>;
    const of = (id: string) =>
      deadlines
        .filter((d) => d.entityId === id)
        .map((d) => [d.title, d.due])
        .sort();
    expect(of(a.id).length).toBeGreaterThan(0);
    expect(of(a.id)).toEqual(of(b.id));
  });

  it("shows the import in the record's history with the file and row, and re-importing changes nothing", async () => {
    const rec = await byRef('GZ-IMP-0002');
    const hist = (await env.clerk.req('GET', `/api/history/hotline.order/${rec.id}`)).body.data;
    expect(hist[0]).toMatchObject({ action: 'imported', changes: { note: { filename: '12345工单.csv', row: 3, importId } } });
    expect(hist[0].changes.fields.map((f: { field: string }) => f.field)).toContain('closed_at');
    const again = await uploadLedger(
      env.clerk,
      'hotline-orders',
      csv(
        'GZ-IMP-0001,2026-03-02 09:00,投诉,路面积水,排水管理科,3,,,',
        'GZ-IMP-0002,2026-03-02 09:00,投诉,井盖缺失,排水管理科,3,2026-03-20 10:00,2026-03-20 10:00,满意',
      ),
      '12345工单.csv',
    );
    expect(again.body.data).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
  });

  it('lists the imports with their file, counts and findings, and serves the original file', async () => {
    const list = (await env.clerk.req('GET', '/api/imports?ledger=hotline-orders')).body.data.items;
    expect(list[1]).toMatchObject({ id: importId, filename: '12345工单.csv', rows: 2, created: 2, findings: 1, actorName: expect.any(String) });
    const file = await env.clerk.req('GET', `/api/imports/${importId}/file`);
    expect(file.status).toBe(200);
    expect(String(file.body)).toContain('GZ-IMP-0002');
    const one = (await env.clerk.req('GET', `/api/imports/${importId}`)).body.data;
    expect(one.findingList).toHaveLength(1);
  });

  it('undoes the last import while nothing depends on it, and refuses once a record was worked on', async () => {
    const first = await uploadLedger(env.clerk, 'hotline-orders', csv('GZ-UNDO-0001,2026-04-01 09:00,咨询,问询,排水管理科,1,,,'), 'u1.csv');
    expect(first.body.data.created).toBe(1);
    const notLast = await env.clerk.req('POST', `/api/imports/${importId}/undo`);
    expect(notLast.status).toBe(422);
    expect(notLast.body.code).toBe('IMPORT_NOT_LAST');
    const undone = await env.clerk.req('POST', `/api/imports/${first.body.data.importId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.data).toEqual({ deleted: 1, restored: 0 });
    expect(await byRef('GZ-UNDO-0001')).toBeUndefined();
    expect(
      (await env.clerk.req('GET', '/api/deadlines?module=hotline')).body.data.some((d: { entityId: string }) => d.entityId === first.body.data.importId),
    ).toBe(false);

    const second = await uploadLedger(env.clerk, 'hotline-orders', csv('GZ-UNDO-0002,2026-04-01 09:00,咨询,问询,排水管理科,1,,,'), 'u2.csv');
    const rec = await byRef('GZ-UNDO-0002');
    const full = (await env.clerk.req('GET', `/api/hotline/items/${rec.id}`)).body.data;
    expect((await env.clerk.req('POST', `/api/hotline/items/${rec.id}/sign`, { version: full.version, at: '2026-04-01 10:00' })).status).toBe(200);
    const refused = await env.clerk.req('POST', `/api/imports/${second.body.data.importId}/undo`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_UNDO_BLOCKED');
    expect(refused.body.message).toContain('第2行');
    expect(await byRef('GZ-UNDO-0002')).toBeDefined();
  });
});

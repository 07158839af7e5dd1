import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { importLedger, recordFindings, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { undoImport } from '../../../src/core/ledger/imports.js';
import { serverSuite } from '../../helpers/server.js';
import { writeCsv } from '../../../src/core/ledger/write.js';

/** The one write path of the licensing ledgers: forms and imports share `saveItems` / `savePermits`. */
let permits: LedgerDef<any>;
let items: LedgerDef<any>;
let itemId: string;

const HEADER = '办件编号,事项编码,申请人,受理日期,办结日期,办理结果,申请渠道,跑动次数,公示日期';
const ITEM_HEADER = '事项编码,事项名称,类别,法定时限,承诺时限,是否纳入政务云窗';
const csv = (header: string, ...rows: string[]) => Buffer.from(`${[header, ...rows].join('\n')}\n`);
const importCsv = (def: LedgerDef<any>, data: Buffer, filename = 'f.csv') => importLedger(env.sys, env.ctx, def, { file: { data, filename } });
const byCase = async (caseNo: string) =>
  (await env.clerk.req('GET', `/api/licensing/permits?q=${caseNo}`)).body.data.items.find((r: any) => r.caseNo === caseNo);
const deadlines = async (entityId: string) =>
  (
    await env.sys.db
      .selectFrom('tracked_deadline')
      .select(['module', 'title', 'start_date', 'due_date', 'done_on'])
      .where('entity_id', '=', entityId)
      .orderBy('module')
      .orderBy('title')
      .execute()
  ).map((d) => ({ ...d }));
const strip = ({ id: _i, caseNo: _c, decisionNo: _d, version: _v, ...rest }: Record<string, unknown>) => rest;

const env = serverSuite({ clerk: 'licensing' });
beforeAll(async () => {
  permits = env.sys.registry.ledgers.get('permits')!;
  items = env.sys.registry.ledgers.get('permit-items')!;
  itemId = (await env.clerk.req('GET', '/api/licensing/items')).body.data.find((i: any) => i.code === 'PS-001').id;
});

describe('the permits ledger', () => {
  it('takes a late decision and a late publication as history: findings on the records, late in the on-time metric', async () => {
    // PS-001: committed 2 working days, statutory 20.
    const res = await importCsv(
      permits,
      csv(
        HEADER,
        'IMP-A1,PS-001,甲公司,2024-05-06,2024-05-07,准予许可,网上,0,2024-05-08',
        'IMP-A2,PS-001,乙公司,2024-05-06,2024-05-20,准予许可,网上,0,2024-05-21',
        'IMP-A3,PS-001,丙公司,2024-05-06,2024-05-07,准予许可,网上,0,2024-05-30',
        'IMP-A4,PS-001,丁公司,2024-05-06,2024-07-01,不予许可,窗口,1,',
      ),
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.created).toBe(4);
    expect(res.findings).toEqual([
      expect.objectContaining({ row: 3, column: '办结日期', rule: 'licensing.decision_in_time', statute: '《中华人民共和国行政许可法》第四十二条' }),
      expect.objectContaining({ row: 4, column: '公示日期', rule: 'licensing.publication_in_time', statute: expect.stringContaining('国办发〔2018〕118号') }),
      expect.objectContaining({ row: 5, column: '办结日期', rule: 'licensing.decision_in_time' }),
      expect.objectContaining({ row: 5, column: '办结日期', rule: 'licensing.decision_statutory_term' }),
    ]);
    const late = await byCase('IMP-A2');
    expect(late).toMatchObject({ dueOn: '2024-05-08', onTime: false });
    const f = await recordFindings(env.sys.db, env.ctx.actor.tenantId, 'licensing.permit', late.id);
    expect(f).toEqual([expect.objectContaining({ rule: 'licensing.decision_in_time', row: 3, field: '办结日期' })]);
    const onTime = (await env.clerk.req('GET', '/api/metrics/licensing.on_time_rate/drill?year=2024')).body.data;
    expect(onTime.rows.find((r: any) => r.case_no === 'IMP-A2').on_time).toBe('否');
    expect(onTime.rows.find((r: any) => r.case_no === 'IMP-A1').on_time).toBe('是');
  });

  it('still refuses what cannot be a true record, naming row and column', async () => {
    const res = await importCsv(
      permits,
      csv(HEADER, 'IMP-E1,PS-001,甲公司,2024-05-06,2024-05-03,准予许可,网上,0,', 'IMP-E2,PS-001,乙公司,2024-05-06,,,网上,30,'),
    );
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:办结日期', '3:跑动次数']);
    const res2 = await importCsv(
      permits,
      csv(HEADER, 'IMP-E3,PS-001,甲公司,2024-05-06,,,网上,0,', 'IMP-E4,XX-999,乙公司,2024-05-06,,,网上,0,', 'IMP-E3,PS-001,丙公司,2024-05-06,,,网上,0,'),
    );
    expect(res2.ok).toBe(false);
    if (!res2.ok) expect(res2.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:事项编码', '4:办件编号']);
    expect(await byCase('IMP-E1')).toBeUndefined();
    expect(await byCase('IMP-E3')).toBeUndefined();
  });

  it('gives an import and a form entry of the same case the same record, deadlines and publication', async () => {
    // Decided and published through the form…
    let r = await env.clerk.req('POST', '/api/licensing/permits', {
      itemId,
      applicant: '广州市同一排水有限公司',
      channel: '网上',
      visits: 0,
      receivedOn: '2024-06-03',
      caseNo: 'FORM-B1',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const formId = r.body.data.id;
    let version = r.body.data.version;
    for (const [path, body] of [
      ['accept', { acceptedOn: '2024-06-03' }],
      ['decide', { decidedOn: '2024-06-04', result: '准予许可', decisionNo: 'FORM-B1' }],
      ['publish', { publishedOn: '2024-06-05' }],
    ] as const) {
      r = await env.clerk.req('POST', `/api/licensing/permits/${formId}/${path}`, { ...body, version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      version = r.body.data.version;
    }
    // …and an open one: received and accepted only.
    r = await env.clerk.req('POST', '/api/licensing/permits', {
      itemId,
      applicant: '广州市同一开放有限公司',
      channel: '窗口',
      visits: 1,
      receivedOn: '2024-06-03',
      caseNo: 'FORM-B2',
    });
    const openId = r.body.data.id;
    r = await env.clerk.req('POST', `/api/licensing/permits/${openId}/accept`, { acceptedOn: '2024-06-03', version: r.body.data.version });
    expect(r.status).toBe(200);

    const res = await importCsv(
      permits,
      csv(
        HEADER,
        'IMP-B1,PS-001,广州市同一排水有限公司,2024-06-03,2024-06-04,准予许可,网上,0,2024-06-05',
        'IMP-B2,PS-001,广州市同一开放有限公司,2024-06-03,,,窗口,1,',
      ),
    );
    expect(res).toMatchObject({ ok: true, created: 2, findings: [] });
    for (const [formCase, impCase] of [
      ['FORM-B1', 'IMP-B1'],
      ['FORM-B2', 'IMP-B2'],
    ] as const) {
      const form = (await env.clerk.req('GET', `/api/licensing/permits/${(await byCase(formCase)).id}`)).body.data;
      const imp = (await env.clerk.req('GET', `/api/licensing/permits/${(await byCase(impCase)).id}`)).body.data;
      expect(strip(imp)).toEqual(strip(form));
      expect(await deadlines(imp.id)).toEqual(await deadlines(form.id));
      expect((await deadlines(imp.id)).length).toBeGreaterThan(0);
    }
    const reg = (await env.clerk.req('GET', '/api/publicity/decisions?year=2024&kind=permit')).body.data;
    const pick = (d: any) => ({ dueOn: d.dueOn, publishedOn: d.publishedOn, title: d.title, decidedOn: d.decidedOn });
    expect(pick(reg.find((d: any) => d.decisionNo === 'IMP-B1'))).toEqual(pick(reg.find((d: any) => d.decisionNo === 'FORM-B1')));
    // The open imported case is on the deadline list like the form's.
    const ids = [openId, (await byCase('IMP-B2')).id];
    const open = (await env.clerk.req('GET', '/api/deadlines?module=licensing')).body.data.filter((d: any) => ids.includes(d.entityId));
    expect(open.map((d: any) => d.title)).toEqual(['许可决定期限', '许可决定期限']);
  });

  it('changes nothing when its own export is imported again', async () => {
    const rows = await permits.exportRows(env.ctx);
    expect(rows.length).toBeGreaterThan(300);
    const res = await importCsv(permits, writeCsv(permits.spec, rows));
    expect(res).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length, findings: [] });
  });

  it('undoes an import (cases, deadlines, publication entries) and refuses once a case was worked on', async () => {
    const res = await importCsv(
      permits,
      csv(HEADER, 'IMP-U1,PS-001,撤销甲公司,2024-08-05,2024-08-06,准予许可,网上,0,', 'IMP-U2,PS-001,撤销乙公司,2024-08-05,,,网上,0,'),
    );
    expect(res).toMatchObject({ ok: true, created: 2 });
    if (!res.ok) return;
    const id = (await byCase('IMP-U1')).id;
    expect(await undoImport(env.ctx, permits, res.importId!)).toEqual({ deleted: 2, restored: 0 });
    expect(await byCase('IMP-U1')).toBeUndefined();
    expect(await deadlines(id)).toEqual([]);
    expect((await sql`SELECT id FROM pub_decision WHERE source_id::text = ${id}`.execute(env.sys.db)).rows).toHaveLength(0);

    const again = await importCsv(permits, csv(HEADER, 'IMP-U3,PS-001,撤销丙公司,2024-08-05,2024-08-06,准予许可,网上,0,'));
    if (!again.ok) throw new Error('import failed');
    const p = await byCase('IMP-U3');
    const r = await env.clerk.req('POST', `/api/licensing/permits/${p.id}/publish`, { publishedOn: '2024-08-07', version: p.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await expect(undoImport(env.ctx, permits, again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
    expect(await byCase('IMP-U3')).toBeDefined();
  });
});

describe('the permit-items ledger', () => {
  it('refuses a committed term longer than the statutory one (not a true catalogue entry) by row and column', async () => {
    const res = await importCsv(items, csv(ITEM_HEADER, 'T-OK,测试事项甲,排水,20,5,是', 'T-BAD,测试事项乙,排水,20,25,否'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors).toEqual([expect.objectContaining({ row: 3, column: '承诺时限' })]);
  });

  it('gives an import and a form entry the same item; re-import of the export is unchanged; undo removes it', async () => {
    const f = await env.clerk.req('POST', '/api/licensing/items', {
      code: 'T-FORM',
      name: '测试同一事项',
      category: '水利',
      statutoryDays: 20,
      committedDays: 4,
      cloudWindow: true,
    });
    expect(f.status).toBe(201);
    const res = await importCsv(items, csv(ITEM_HEADER, 'T-IMP,测试同一事项,水利,20,4,是'));
    expect(res).toMatchObject({ ok: true, created: 1, findings: [] });
    const list = (await env.clerk.req('GET', '/api/licensing/items')).body.data;
    // The org is each actor's default (the clerk's 行政审批科, the system actor's bureau), not the path's.
    const { id: _a, code: _b, version: _c, orgId: _o1, ...form } = list.find((i: any) => i.code === 'T-FORM');
    const { id: _d, code: _e, version: _g, orgId: _o2, ...imp } = list.find((i: any) => i.code === 'T-IMP');
    expect(imp).toEqual(form);

    const rows = await items.exportRows(env.ctx);
    expect(await importCsv(items, writeCsv(items.spec, rows))).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });

    const upd = await importCsv(items, csv(ITEM_HEADER, 'T-IMP,测试同一事项（改）,水利,20,3,是', 'T-NEW,测试新事项,排水,20,2,否'));
    expect(upd).toMatchObject({ ok: true, created: 1, updated: 1 });
    if (!upd.ok) return;
    expect(await undoImport(env.ctx, items, upd.importId!)).toEqual({ deleted: 1, restored: 1 });
    const after = (await env.clerk.req('GET', '/api/licensing/items')).body.data;
    expect(after.find((i: any) => i.code === 'T-NEW')).toBeUndefined();
    expect(after.find((i: any) => i.code === 'T-IMP')).toMatchObject({ name: '测试同一事项', committedDays: 4 });
  });

  it('refuses to undo an item import after the item was edited', async () => {
    const res = await importCsv(items, csv(ITEM_HEADER, 'T-EDIT,测试编辑事项,排水,20,5,否'));
    if (!res.ok) throw new Error('import failed');
    const it = (await env.clerk.req('GET', '/api/licensing/items')).body.data.find((i: any) => i.code === 'T-EDIT');
    expect((await env.clerk.req('PATCH', `/api/licensing/items/${it.id}`, { committedDays: 4, version: it.version })).status).toBe(200);
    await expect(undoImport(env.ctx, items, res.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });
});

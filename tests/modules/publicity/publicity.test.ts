import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { orgsByName } from '../../../src/core/orgs.js';
import { write, history } from '../../../src/core/audit/audit.js';
import { serverSuite } from '../../helpers/server.js';
import { publishDecision, recordDecision, withdrawDecision } from '../../../src/modules/publicity/index.js';

let orgId: string;

const env = serverSuite({ legal: 'legal' });
beforeAll(async () => {
  const orgs = await orgsByName(env.sys.db, env.tenantId);
  const org = orgs.get('水政监察大队')!.id;
  orgId = org;
  await write(env.ctx, async (w) => {
    await recordDecision(w, env.sys.calendar, {
      kind: 'penalty',
      orgId: org,
      sourceEntity: 'test.case',
      sourceId: 'c1',
      decisionNo: '穗天水罚〔2019〕1号',
      decidedOn: '2019-09-27',
      partyName: '张三丰',
      partyType: '自然人',
      partyIdNo: '44010619900101123X',
      title: '未经许可向河道排放污水',
      content: '罚款5000元',
      basis: '《广州市河道管理条例》',
      amountFen: 500000,
    });
    await recordDecision(w, env.sys.calendar, {
      kind: 'permit',
      orgId: org,
      sourceEntity: 'test.permit',
      sourceId: 'p1',
      decisionNo: '穗天水许〔2019〕9号',
      decidedOn: '2019-03-07',
      partyName: '广州某某建设有限公司',
      partyType: '法人',
      partyIdNo: '91440101MA5D12345X',
      title: '城镇污水排入排水管网许可',
      content: '准予许可',
    });
  });
});

describe('双公示', () => {
  it('sets the 7-working-day due date past National Day and its two make-up days, and tracks it', async () => {
    // 2019-09-27 (Fri): make-up Sun 09-29, Mon 09-30, then 10-08 … 10-11 and the make-up Sat 10-12.
    const rows = (await env.legal.req('GET', '/api/publicity/decisions?year=2019')).body.data;
    expect(rows.find((r: any) => r.sourceId === 'c1')).toMatchObject({ dueOn: '2019-10-12', publishedOn: null });
    const d = (await env.legal.req('GET', '/api/deadlines?module=publicity')).body.data.find((x: any) => x.entityId === 'c1');
    expect(d).toMatchObject({ title: '双公示期限', due: '2019-10-12', status: 'overdue' });
  });

  it('shows only published decisions on the public page, masked, without a login', async () => {
    const q = encodeURIComponent('〔2019〕');
    expect((await env.app.inject({ method: 'GET', url: `/api/public/decisions?q=${q}` })).json().data.items).toHaveLength(0);
    await write(env.ctx, (w) => publishDecision(w, env.ctx.actor, env.sys.calendar, { sourceEntity: 'test.case', sourceId: 'c1', publishedOn: '2019-10-10' }));
    const res = await env.app.inject({ method: 'GET', url: `/api/public/decisions?q=${q}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().data.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ party: '张某某', partyIdNo: '440106********123X', decisionNo: '穗天水罚〔2019〕1号' });
    expect(res.body).not.toContain('张三丰');
    expect(res.body).not.toContain('19900101');
  });

  it('counts published decisions in disclosure.credit_items, drillable to them', async () => {
    const m = await env.legal.req('GET', '/api/metrics/disclosure.credit_items/drill?year=2019');
    expect(m.body.data.value).toBe(1);
    expect(m.body.data.total).toBe(1);
    expect(m.body.data.rows[0].decision_no).toBe('穗天水罚〔2019〕1号');
  });

  it('exports the credit platform layout with natural persons masked', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/publicity/export?kind=penalty&year=2019', headers: { cookie: env.legal.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v).replace(/\*$/, ''));
    expect(headers).toContain('行政处罚决定书文号');
    const row = (ws.getRow(2).values as unknown[]).slice(1).map(String);
    expect(row).toContain('穗天水罚〔2019〕1号');
    expect(row.join()).not.toContain('19900101');
    expect(row).toContain('0.5');
  });

  it('withdraws a revoked decision from the public page and records why', async () => {
    await write(env.ctx, (w) =>
      withdrawDecision(w, env.ctx.actor, { sourceEntity: 'test.case', sourceId: 'c1', withdrawnOn: '2019-11-01', reason: '行政复议撤销原处罚决定' }),
    );
    const res = await env.app.inject({ method: 'GET', url: `/api/public/decisions?q=${encodeURIComponent('〔2019〕')}` });
    expect(res.json().data.items).toHaveLength(0);
    const events = await history(env.sys.db, env.tenantId, 'test.case', 'c1');
    expect(events.map((e) => e.action)).toEqual(['publication_recorded', 'published', 'publication_withdrawn']);
    expect(events[2]!.changes.fields).toContainEqual({ field: 'withdraw_reason', before: null, after: '行政复议撤销原处罚决定' });
    await expect(
      write(env.ctx, (w) => publishDecision(w, env.ctx.actor, env.sys.calendar, { sourceEntity: 'test.case', sourceId: 'c1', publishedOn: '2019-11-02' })),
    ).rejects.toMatchObject({ code: 'PUBLICATION_WITHDRAWN' });
  });
});

describe('two writers at once', () => {
  const source = { sourceEntity: 'test.case', sourceId: 'c2' };
  const version = async () =>
    Number((await (env.sys.db as any).selectFrom('pub_decision').select('version').where('source_id', '=', 'c2').executeTakeFirstOrThrow()).version);
  const decision = () => ({
    kind: 'penalty' as const,
    orgId,
    ...source,
    decisionNo: '穗天水罚〔2019〕2号',
    decidedOn: '2019-09-27',
    partyName: '李四',
    partyType: '自然人',
    title: '违法取水',
    content: '罚款1000元',
  });

  it('a publication, another and a re-recording at once each bump the version once (none is lost)', async () => {
    await write(env.ctx, (w) => recordDecision(w, env.sys.calendar, decision()));
    const v = await version();
    await Promise.all([
      write(env.ctx, (w) => publishDecision(w, env.ctx.actor, env.sys.calendar, { ...source, publishedOn: '2019-10-09' })),
      write(env.ctx, (w) => publishDecision(w, env.ctx.actor, env.sys.calendar, { ...source, publishedOn: '2019-10-10' })),
      write(env.ctx, (w) => recordDecision(w, env.sys.calendar, decision())),
    ]);
    expect(await version()).toBe(v + 3);
    expect((await history(env.sys.db, env.tenantId, 'test.case', 'c2')).filter((e) => e.action === 'published')).toHaveLength(2);
  });

  it('two simultaneous withdrawals: one is recorded, the other is told it was withdrawn, one event', async () => {
    const v = await version();
    const both = await Promise.allSettled(
      [0, 1].map(() => write(env.ctx, (w) => withdrawDecision(w, env.ctx.actor, { ...source, withdrawnOn: '2019-11-01', reason: '行政复议撤销原处罚决定' }))),
    );
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'PUBLICATION_WITHDRAWN', status: 422 });
    expect((await history(env.sys.db, env.tenantId, 'test.case', 'c2')).filter((e) => e.action === 'publication_withdrawn')).toHaveLength(1);
    expect(await version()).toBe(v + 1);
  });
});

describe('personal identifiers at rest', () => {
  it('stores the party’s ID-card number encrypted', async () => {
    const row = await (env.sys.db as any).selectFrom('pub_decision').select('party_id_no').where('source_id', '=', 'c1').executeTakeFirstOrThrow();
    expect(row.party_id_no).toMatch(/^v1\./);
    expect(row.party_id_no).not.toContain('19900101');
  });
});

describe('bad dates', () => {
  it('refuses an impossible decision date, naming the field', async () => {
    await expect(
      write(env.ctx, (w) =>
        recordDecision(w, env.sys.calendar, {
          kind: 'penalty',
          orgId: env.ctx.actor.tenantId,
          sourceEntity: 'test.case',
          sourceId: 'bad',
          decisionNo: 'X',
          decidedOn: '2019-02-30',
          partyName: '某',
          partyType: '法人',
          title: 't',
          content: 'c',
        }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'decidedOn' });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { login, type Client } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import { usccCheckChar } from '../../../src/core/ledger/validators.js';
import { serverSuite } from '../../helpers/server.js';

const USCC = `91440101MA5D12345${usccCheckChar('91440101MA5D12345')}`;

let squadId: string;
let officers: any[];
let item: any;

const today = isoDateInShanghai(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const env = serverSuite({ enforcer: 'enforcer', legal: 'legal', leader: 'leader' });
beforeAll(async () => {
  const orgs = (await env.enforcer.req('GET', '/api/orgs')).body.data;
  squadId = orgs.find((o: any) => o.name === '水政监察大队').id;
  officers = (await env.enforcer.req('GET', `/api/enforcement/officers?orgId=${squadId}`)).body.data;
  item = (await env.enforcer.req('GET', '/api/enforcement/items')).body.data[0];
});

const act = async (c: Client, id: string, event: string, body: Record<string, unknown> = {}) => {
  const cur = (await c.req('GET', `/api/enforcement/cases/${id}`)).body.data;
  return c.req('POST', `/api/enforcement/cases/${id}/events/${event}`, { version: cur.version, ...body });
};

describe('立案', () => {
  it('refuses a case with fewer than two certified officers, naming the field, and creates nothing', async () => {
    const before = (await env.enforcer.req('GET', '/api/enforcement/cases')).body.data.length;
    const r = await env.enforcer.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      cause: '测试',
      partyType: '法人',
      partyName: '广州市某某公司',
      filedOn: today,
      officerIds: [officers[0].id],
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'officerIds' });
    expect(r.body.message).toContain('行政处罚法第四十二条');
    expect((await env.enforcer.req('GET', '/api/enforcement/cases')).body.data.length).toBe(before);
  });

  it('masks a person’s ID-card number in the case and in its audit event', async () => {
    const idNo = '44010619900101' + '123';
    const { idCardCheckChar } = await import('../../../src/core/ledger/validators.js');
    const full = idNo + idCardCheckChar(idNo);
    const r = await env.enforcer.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      cause: '测试',
      partyType: '自然人',
      partyName: '陈某',
      partyIdNo: full,
      filedOn: today,
      officerIds: [officers[0].id, officers[1].id],
    });
    expect(r.body.data.partyIdNo).toBe(`440106********123${full.slice(-1)}`);
    const h = (await env.enforcer.req('GET', `/api/history/enforcement.case/${r.body.data.id}`)).body.data;
    expect(JSON.stringify(h)).not.toContain(full);
    expect(JSON.stringify(h)).toContain('440106********');
  });

  it('refuses an invalid ID-card number with a clear message', async () => {
    const r = await env.enforcer.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      cause: '测试',
      partyType: '自然人',
      partyName: '陈某',
      partyIdNo: '440106199001011230',
      filedOn: today,
      officerIds: [officers[0].id, officers[1].id],
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('partyIdNo');
  });
});

describe('a major general-procedure case from 立案 to 归档', () => {
  let id: string;

  it('files the case and starts the 90-day decision clock', async () => {
    const r = await env.enforcer.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      itemId: item.id,
      source: '12345',
      sourceRef: 'GD12345-TEST-1',
      cause: '未经许可向城镇排水设施排放污水',
      partyType: '法人',
      partyName: '广州市测试建设有限公司',
      partyIdNo: USCC,
      filedOn: daysAgo(40),
      major: true,
      officerIds: [officers[0].id, officers[1].id],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.data.id;
    expect(r.body.data.stage).toBe('investigation');
    // The identifier is stored encrypted; a company's USCC is shown whole (it is public).
    const stored = await (env.sys.db as any).selectFrom('enf_case').select('party_id_no').where('id', '=', id).executeTakeFirst();
    expect(stored.party_id_no).toMatch(/^v1\./);
    expect(r.body.data.partyIdNo).toBe(USCC);
    expect(r.body.data.caseNo).toMatch(/^天水执立〔\d{4}〕\d+号$/);
    expect(r.body.data.deadlines.find((d: any) => d.key === 'decision').source).toContain('行政处罚法第六十条');
    const propose = r.body.data.actions.find((a: any) => a.event === 'propose');
    expect(propose.allowed).toBe(false);
    expect(propose.reasons[0]).toContain('尚未登记任何证据');
  });

  it('registers evidence, then proposes a fine checked against the discretion benchmark', async () => {
    expect((await act(env.enforcer, id, 'add_evidence', { kind: 'inspection', title: '现场检查笔录', collectedOn: daysAgo(39) })).status).toBe(200);
    const out = await act(env.enforcer, id, 'propose', { kinds: ['罚款'], fineYuan: 120000, circumstance: 'serious' });
    expect(out.status).toBe(400);
    expect(out.body.field).toBe('fineYuan');
    expect(out.body.message).toContain('不在“较重”情节的裁量基准');
    const ok = await act(env.enforcer, id, 'propose', { kinds: ['罚款'], fineYuan: 80000, circumstance: 'serious' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.stage).toBe('proposed');
  });

  it('cannot decide before the notice: 作出决定 is not offered, and forcing it is refused', async () => {
    const cur = (await env.enforcer.req('GET', `/api/enforcement/cases/${id}`)).body.data;
    expect(cur.actions.map((a: any) => a.event)).not.toContain('decide');
    const r = await act(env.enforcer, id, 'decide', { facts: 'x', basis: 'y' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('EVENT_NOT_ALLOWED');
  });

  it('after the notice, the submission to the head waits for the legal review and the collective discussion, and says why', async () => {
    expect((await act(env.enforcer, id, 'notify', { on: daysAgo(30) })).body.data.stage).toBe('notified');
    const cur = (await env.enforcer.req('GET', `/api/enforcement/cases/${id}`)).body.data;
    expect(cur.reviewRequired).toBe(true);
    const submit = cur.actions.find((a: any) => a.event === 'submit_decision');
    expect(submit.allowed).toBe(false);
    expect(submit.reasons.join()).toContain('行政处罚法第五十八条');
    expect(submit.reasons.join()).toContain('行政处罚法第五十七条');
    const forced = await act(env.enforcer, id, 'submit_decision', { facts: '排放污水', basis: '《城镇排水与污水处理条例》第五十条' });
    expect(forced.status).toBe(422);
    expect(forced.body.code).toBe('STAGE_GATE');
  });

  it('legal review: 存在问题 sends the case back; 同意 needs every checklist point', async () => {
    expect((await act(env.enforcer, id, 'submit_review')).body.data.stage).toBe('legal_review');
    expect((await act(env.enforcer, id, 'pass_review', { checklist: {} })).status).toBe(422);
    const rej = await act(env.legal, id, 'reject_review', { opinion: '证据不足，请补充询问笔录', checklist: { competent: true } });
    expect(rej.body.data.stage).toBe('proposed');
    await act(env.enforcer, id, 'add_evidence', { kind: 'inquiry', title: '询问笔录', collectedOn: daysAgo(29) });
    await act(env.enforcer, id, 'notify', { on: daysAgo(20) });
    await act(env.enforcer, id, 'submit_review');
    const partial = await act(env.legal, id, 'pass_review', { checklist: { competent: true } });
    expect(partial.status).toBe(400);
    expect(partial.body.field).toBe('checklist');
    const all = Object.fromEntries(['competent', 'officers', 'procedure', 'facts', 'basis', 'powers', 'documents', 'transfer'].map((k) => [k, true]));
    const pass = await act(env.legal, id, 'pass_review', { checklist: all, opinion: '同意' });
    expect(pass.body.data).toMatchObject({ stage: 'notified', reviewResult: '同意' });
  });

  it('the leader records the collective discussion; the officer submits; the head (not the officer) decides, recorded for publication', async () => {
    expect((await act(env.leader, id, 'record_discussion', { minutes: '局务会议集体讨论同意' })).status).toBe(200);
    const sub = await act(env.enforcer, id, 'submit_decision', { facts: '当事人未经许可向城镇排水设施排放污水', basis: '《城镇排水与污水处理条例》第五十条' });
    expect(sub.status, JSON.stringify(sub.body)).toBe(200);
    expect(sub.body.data).toMatchObject({ stage: 'approval', decisionSubmittedOn: today, decidedOn: null });
    // 行政处罚法第五十七条: an officer cannot issue the decision.
    const byOfficer = await act(env.enforcer, id, 'decide', {});
    expect(byOfficer.body.code).toBe('EVENT_NOT_ALLOWED');
    // Nothing the notice did not state (第四十四、六十二条): an added kind is refused, naming it.
    const added = await act(env.leader, id, 'decide', { kinds: ['罚款', '警告'] });
    expect(added.status).toBe(422);
    expect(added.body).toMatchObject({ code: 'NOTICE_REQUIRED' });
    expect(added.body.message).toContain('“警告”');
    // A deputy head needs the head's delegation recorded.
    const deputy = await act(env.leader, id, 'decide', { capacity: 'deputy' });
    expect(deputy.body).toMatchObject({ code: 'VALIDATION', field: 'delegation' });
    const d = await act(env.leader, id, 'decide', {});
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.data).toMatchObject({
      stage: 'decided',
      fineYuan: 80000,
      penaltyKinds: ['罚款'],
      decidedOn: today,
      decisionApprover: '李局长',
      decisionApproverCapacity: 'head',
      decisionApproverCapacityLabel: '行政机关负责人',
      decisionFacts: '当事人未经许可向城镇排水设施排放污水',
    });
    expect(d.body.data.decisionNo).toMatch(/^穗天水罚〔\d{4}〕\d+号$/);
    expect(d.body.data.deadlines.find((x: any) => x.key === 'publication')).toMatchObject({ status: expect.stringMatching(/ok|due_soon/) });
    const reg = (await env.legal.req('GET', '/api/publicity/decisions')).body.data.find((r: any) => r.sourceId === id);
    expect(reg).toMatchObject({ decisionNo: d.body.data.decisionNo, publishedOn: null });
  });

  it('serve → publish → execute (payment) → close → archive, every step audited', async () => {
    const noMethod = await act(env.enforcer, id, 'serve');
    expect(noMethod.body).toMatchObject({ code: 'VALIDATION', field: 'method' });
    const served = await act(env.enforcer, id, 'serve', { method: '直接送达' });
    expect(served.body.data).toMatchObject({ stage: 'served', servedOn: today, serviceMethod: '直接送达' });
    expect(served.body.data.deadlines.find((x: any) => x.key === 'service')).toMatchObject({ start: today, doneOn: today, status: 'done' });
    expect((await act(env.enforcer, id, 'close')).status).toBe(422);
    await act(env.enforcer, id, 'publish');
    const ex = await act(env.enforcer, id, 'execute', { paidOn: today });
    expect(ex.body.data).toMatchObject({ stage: 'executed', paidOn: today, lateFeeYuan: 0 });
    expect((await act(env.enforcer, id, 'close')).body.data.stage).toBe('closed');
    expect((await act(env.enforcer, id, 'archive')).body.data.stage).toBe('archived');
    const events = await history(env.sys.db, (await env.sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id, 'enforcement.case', id);
    expect(events.map((e) => e.action)).toEqual([
      'filed',
      'evidence_added',
      'proposed',
      'notified',
      'review_submitted',
      'review_rejected',
      'evidence_added',
      'notified',
      'review_submitted',
      'review_passed',
      'discussed',
      'decision_submitted',
      'decided',
      'publication_recorded',
      'served',
      'publication_marked',
      'published',
      'executed',
      'closed',
      'archived',
    ]);
    expect(events.every((e) => e.entity === 'enforcement.case')).toBe(true);
    const pub = await env.app.inject({ method: 'GET', url: '/api/public/decisions?q=测试建设' });
    expect(pub.json().data.items[0]).toMatchObject({ party: '广州市测试建设有限公司' });
  });

  it('the decision document carries the six contents of 行政处罚法第五十九条', async () => {
    const r = await env.app.inject({ method: 'GET', url: `/api/enforcement/cases/${id}/decision.docx`, headers: { cookie: env.enforcer.cookie } });
    expect(r.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(r.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const s of [
      '当事人：广州市测试建设有限公司',
      '以上事实有下列证据证明',
      '《城镇排水与污水处理条例》第五十条',
      '十五日内',
      '申请行政复议',
      '广州市天河区水务局',
      '行政处罚决定书',
    ])
      expect(xml).toContain(s);
  });

  it('exports the case file as one archive with its index, documents, full-process record and evidence list', async () => {
    const r = await env.app.inject({ method: 'GET', url: `/api/enforcement/cases/${id}/archive.zip`, headers: { cookie: env.enforcer.cookie } });
    expect(r.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(r.rawPayload);
    const names = Object.keys(zip.files);
    expect(names).toEqual(expect.arrayContaining(['00-卷内目录.txt', '01-案件基本情况.txt', '03-执法全过程记录.csv', '04-证据清单.csv']));
    expect(names.some((n) => n.startsWith('02-行政处罚决定书'))).toBe(true);
    const record = await zip.file('03-执法全过程记录.csv')!.async('string');
    expect(record).toContain('作出行政处罚决定');
  });

  it('an archived case is no longer open to revocation', async () => {
    const r = await act(env.leader, id, 'revoke', { reason: '行政复议决定撤销' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('EVENT_NOT_ALLOWED');
  });
});

describe('hearing and evidence with attachments', () => {
  it('a hearing is noticed at least 7 working days ahead, then the decision needs the legal review it triggers', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: '未经批准在河道管理范围内进行建设',
        partyType: '自然人',
        partyName: '黄文杰',
        filedOn: '2022-09-01',
        officerIds: [officers[0].id, officers[1].id],
      })
    ).body.data;
    const boundary = '----enfatt';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\nenforcement.case`,
      `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${c.id}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场照片.txt"\r\nContent-Type: text/plain\r\n\r\n照片说明`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    const up = await env.enforcer.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.status).toBe(201);
    const ev = await act(env.enforcer, c.id, 'add_evidence', {
      kind: 'photo',
      title: '现场照片',
      collectedOn: '2022-09-01',
      attachmentId: up.body.data.id,
      on: '2022-09-02',
    });
    expect(ev.body.data.evidence[0].attachmentId).toBe(up.body.data.id);
    await act(env.enforcer, c.id, 'propose', { kinds: ['罚款'], fineYuan: 8000, on: '2022-09-20' });
    await act(env.enforcer, c.id, 'notify', { on: '2022-09-29' });
    expect((await act(env.enforcer, c.id, 'request_hearing', { on: '2022-10-12' })).status).toBe(422); // the window ended on 11 Oct
    expect((await act(env.enforcer, c.id, 'request_hearing', { on: '2022-10-10' })).body.data.stage).toBe('hearing');
    const early = await act(env.enforcer, c.id, 'schedule_hearing', { on: '2022-10-10', hearingOn: '2022-10-18' });
    expect(early.body).toMatchObject({ field: 'hearingOn' });
    expect(early.body.message).toContain('2022-10-19');
    await act(env.enforcer, c.id, 'schedule_hearing', { on: '2022-10-10', hearingOn: '2022-10-19' });
    const held = await act(env.enforcer, c.id, 'record_hearing', { on: '2022-10-19', record: '当事人陈述了意见' });
    expect(held.body.data.stage).toBe('notified');
    expect(held.body.data.reviewReasons).toContain('经过听证程序');
    const d = held.body.data.actions.find((a: any) => a.event === 'submit_decision');
    expect(d.allowed).toBe(false);
    const zip = await JSZip.loadAsync(
      (await env.app.inject({ method: 'GET', url: `/api/enforcement/cases/${c.id}/archive.zip`, headers: { cookie: env.enforcer.cookie } })).rawPayload,
    );
    expect(await zip.file('05-附件/01-现场照片.txt')!.async('string')).toBe('照片说明');
  });
});

describe('revocation (行政处罚法第四十八条)', () => {
  it('revoking a published decision withdraws it from the public page and records why', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: '在河道管理范围内倾倒渣土',
        partyType: '法人',
        partyName: '广州市撤销测试有限公司',
        filedOn: daysAgo(20),
        officerIds: [officers[0].id, officers[1].id],
      })
    ).body.data;
    await act(env.enforcer, c.id, 'add_evidence', { kind: 'photo', title: '现场照片', collectedOn: daysAgo(20) });
    await act(env.enforcer, c.id, 'propose', { kinds: ['警告'], circumstance: 'minor' });
    await act(env.enforcer, c.id, 'notify', { on: daysAgo(15) });
    await act(env.enforcer, c.id, 'submit_decision', { facts: '倾倒渣土', basis: '《中华人民共和国河道管理条例》第四十四条' });
    const d = await act(env.leader, c.id, 'decide', {});
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    await act(env.enforcer, c.id, 'publish');
    expect((await env.app.inject({ method: 'GET', url: '/api/public/decisions?q=撤销测试' })).json().data.items).toHaveLength(1);
    expect((await act(env.enforcer, c.id, 'revoke', { reason: 'x' })).status).toBe(422);
    const r = await act(env.leader, c.id, 'revoke', { reason: '行政复议决定撤销原处罚决定' });
    expect(r.body.data).toMatchObject({ stage: 'revoked', revokeReason: '行政复议决定撤销原处罚决定' });
    expect((await env.app.inject({ method: 'GET', url: '/api/public/decisions?q=撤销测试' })).json().data.items).toHaveLength(0);
    const reg = (await env.legal.req('GET', '/api/publicity/decisions')).body.data.find((x: any) => x.sourceId === c.id);
    expect(reg.withdrawReason).toBe('行政复议决定撤销原处罚决定');
  });
});

describe('summary procedure (行政处罚法第五十一条)', () => {
  it('decides on the spot within the thresholds and refuses above them', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: '在河道管理范围内堆放物料',
        partyType: '自然人',
        partyName: '陈志伟',
        filedOn: today,
        officerIds: [officers[2].id, officers[3].id],
      })
    ).body.data;
    const over = await act(env.enforcer, c.id, 'summary_decide', {
      kinds: ['罚款'],
      fineYuan: 500,
      facts: '堆放物料',
      basis: '《中华人民共和国河道管理条例》第四十四条',
    });
    expect(over.status).toBe(422);
    expect(over.body.message).toContain('200元');
    const ok = await act(env.enforcer, c.id, 'summary_decide', {
      kinds: ['罚款'],
      fineYuan: 200,
      facts: '堆放物料',
      basis: '《中华人民共和国河道管理条例》第四十四条',
    });
    expect(ok.body.data).toMatchObject({ stage: 'decided', procedure: 'summary', fineYuan: 200 });
  });

  it('a stale version is refused with 409 and changes nothing', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: '版本测试',
        partyType: '法人',
        partyName: '广州市版本测试有限公司',
        filedOn: today,
        officerIds: [officers[0].id, officers[1].id],
      })
    ).body.data;
    expect(
      (await env.enforcer.req('POST', `/api/enforcement/cases/${c.id}/events/add_evidence`, { version: c.version, kind: 'photo', title: '照片一' })).status,
    ).toBe(200);
    const r = await env.enforcer.req('POST', `/api/enforcement/cases/${c.id}/events/add_evidence`, { version: c.version, kind: 'photo', title: '照片二' });
    expect(r.status).toBe(409);
    expect((await env.enforcer.req('GET', `/api/enforcement/cases/${c.id}`)).body.data.evidence.map((e: any) => e.title)).toEqual(['照片一']);
  });
});

describe('each event takes only its own fields', () => {
  it('refuses an extra or mistyped property with a 400 naming it, and an unknown event; nothing is written', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: '输入校验测试',
        partyType: '法人',
        partyName: '广州市输入校验有限公司',
        filedOn: today,
        officerIds: [officers[0].id, officers[1].id],
      })
    ).body.data;
    const extra = await env.enforcer.req('POST', `/api/enforcement/cases/${c.id}/events/add_evidence`, {
      version: c.version,
      kind: 'photo',
      title: '照片',
      fineYuan: 100,
    });
    expect(extra.status).toBe(400);
    expect(extra.body).toMatchObject({ code: 'VALIDATION', field: 'fineYuan' });
    const mistyped = await env.enforcer.req('POST', `/api/enforcement/cases/${c.id}/events/propose`, { version: c.version, kinds: ['罚款'], fineYuan: '很多' });
    expect(mistyped.status).toBe(400);
    expect(mistyped.body).toMatchObject({ code: 'VALIDATION', field: 'fineYuan' });
    const noVersion = await env.enforcer.req('POST', `/api/enforcement/cases/${c.id}/events/add_evidence`, { kind: 'photo', title: '照片' });
    expect(noVersion.body).toMatchObject({ code: 'VALIDATION', field: 'version' });
    const unknown = await env.enforcer.req('POST', `/api/enforcement/cases/${c.id}/events/confiscate`, { version: c.version });
    expect(unknown.body).toMatchObject({ code: 'VALIDATION', field: 'event' });
    const after = (await env.enforcer.req('GET', `/api/enforcement/cases/${c.id}`)).body.data;
    expect(after.version).toBe(c.version);
    expect(after.evidence).toEqual([]);
  });
});

describe('a street case: the street office’s head decides, named (行政处罚法第五十七条); service by its methods (第六十一条)', () => {
  it('the street records its head’s decision by name, and serves by public notice with its own period', async () => {
    const wushan = await login(env.app, 'wushan');
    const orgs = (await wushan.req('GET', '/api/orgs')).body.data;
    const street = orgs.find((o: any) => o.name === '五山街道');
    const mine = (await wushan.req('GET', `/api/enforcement/officers?orgId=${street.id}`)).body.data;
    const delegated = (await wushan.req('GET', '/api/enforcement/items')).body.data.find((i: any) => i.delegated);
    const c = (
      await wushan.req('POST', '/api/enforcement/cases', {
        orgId: street.id,
        itemId: delegated.id,
        cause: '在河道管理范围内堆放物料',
        partyType: '法人',
        partyName: '广州市街道审批测试有限公司',
        filedOn: daysAgo(30),
        officerIds: [mine[0].id, mine[1].id],
      })
    ).body.data;
    await act(wushan, c.id, 'add_evidence', { kind: 'photo', title: '现场照片', collectedOn: daysAgo(30) });
    await act(wushan, c.id, 'propose', { kinds: ['警告'], circumstance: 'minor', on: daysAgo(28) });
    await act(wushan, c.id, 'notify', { on: daysAgo(25) });
    await act(wushan, c.id, 'submit_decision', { facts: '堆放物料', basis: '《中华人民共和国河道管理条例》第四十四条', on: daysAgo(10) });
    // The bureau's head only watches a street's case.
    expect((await act(env.leader, c.id, 'decide', {})).body.code).toBe('EVENT_NOT_ALLOWED');
    const unnamed = await act(wushan, c.id, 'decide', { on: daysAgo(9) });
    expect(unnamed.body).toMatchObject({ code: 'VALIDATION', field: 'approver' });
    const d = await act(wushan, c.id, 'decide', { on: daysAgo(9), approver: '黄主任', capacity: 'head' });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body.data).toMatchObject({ stage: 'decided', decisionApprover: '黄主任', decisionApproverCapacity: 'head', decidedOn: daysAgo(9) });
    const service = d.body.data.deadlines.find((x: any) => x.key === 'service');
    expect(service).toMatchObject({ start: daysAgo(9), doneOn: null });
    expect(service.source).toContain('行政处罚法第六十一条');
    // 电子送达 needs the party's consent (第六十一条第二款).
    const electronic = await act(wushan, c.id, 'serve', { method: '电子送达', on: daysAgo(8) });
    expect(electronic.body).toMatchObject({ code: 'VALIDATION', field: 'consentOn' });
    const notice = await act(wushan, c.id, 'serve', { method: '公告送达', on: daysAgo(8) });
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    expect(notice.body.data).toMatchObject({ stage: 'served', serviceMethod: '公告送达', serviceNoticeOn: daysAgo(8) });
    expect(notice.body.data.servedOn > today).toBe(true);
    const period = notice.body.data.deadlines.find((x: any) => x.key === 'publicNotice');
    expect(period).toMatchObject({ start: daysAgo(8), due: notice.body.data.servedOn, doneOn: null });
    expect(period.source).toContain('民事诉讼法第九十五条');
  });
});

describe('the legal reviewer (行政处罚法第五十八条第二款)', () => {
  it('lists the reviewers with their qualification, refuses an unqualified first-time reviewer, accepts them once qualified', async () => {
    const admin = await login(env.app, 'admin');
    const list = (await env.legal.req('GET', '/api/enforcement/legal-reviewers')).body.data;
    expect(list.find((r: any) => r.name === '陈法制')).toMatchObject({ qualificationNo: expect.any(String), qualifiedOn: expect.any(String) });
    const office = (await admin.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '依法行政办公室');
    const made = await admin.req('POST', '/api/users', {
      username: 'newreviewer',
      displayName: '林审核',
      orgId: office.id,
      roles: ['legal'],
      password: 'Init-Pass-2023',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    await env.sys.db.updateTable('app_user').set({ must_change_password: false }).where('username', '=', 'newreviewer').execute();
    const fresh = await login(env.app, 'newreviewer', 'Init-Pass-2023');
    // A legal-role account is listed before any qualification is recorded for it: who may review, and who lacks one.
    expect((await env.legal.req('GET', '/api/enforcement/legal-reviewers')).body.data.find((r: any) => r.name === '林审核')).toMatchObject({
      id: null,
      userId: made.body.data.id,
      qualificationNo: null,
      version: null,
    });

    const c = (
      await env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: '审核人员资格测试',
        partyType: '法人',
        partyName: '广州市审核资格测试有限公司',
        filedOn: daysAgo(30),
        major: true,
        officerIds: [officers[0].id, officers[1].id],
      })
    ).body.data;
    await act(env.enforcer, c.id, 'add_evidence', { kind: 'photo', title: '现场照片', collectedOn: daysAgo(30) });
    await act(env.enforcer, c.id, 'propose', { kinds: ['警告'], circumstance: 'minor', on: daysAgo(28) });
    await act(env.enforcer, c.id, 'notify', { on: daysAgo(25) });
    await act(env.enforcer, c.id, 'submit_review');
    const all = Object.fromEntries(['competent', 'officers', 'procedure', 'facts', 'basis', 'powers', 'documents', 'transfer'].map((k) => [k, true]));
    for (const [event, body] of [
      ['pass_review', { checklist: all }],
      ['reject_review', { opinion: '证据不足' }],
    ] as const) {
      const refused = await act(fresh, c.id, event, body);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('REVIEWER_NOT_QUALIFIED');
      expect(refused.body.message).toContain('行政处罚法第五十八条第二款');
    }
    expect((await env.enforcer.req('GET', `/api/enforcement/cases/${c.id}`)).body.data).toMatchObject({ stage: 'legal_review', reviewOn: null });
    // Only the legal office records qualifications, and only for a legal-role account.
    expect(
      (await env.enforcer.req('PUT', `/api/enforcement/legal-reviewers/${made.body.data.id}`, { qualificationNo: 'A1', qualifiedOn: '2020-01-01' })).status,
    ).toBe(403);
    const nonLegal = (await admin.req('GET', '/api/users')).body.data.find((u: any) => u.username === 'enforcer');
    expect(
      (await env.legal.req('PUT', `/api/enforcement/legal-reviewers/${nonLegal.id}`, { qualificationNo: 'A1', qualifiedOn: '2020-01-01' })).body.field,
    ).toBe('userId');
    const noDate = await env.legal.req('PUT', `/api/enforcement/legal-reviewers/${made.body.data.id}`, { qualificationNo: 'A20204401060099' });
    expect(noDate.body).toMatchObject({ code: 'VALIDATION', field: 'qualifiedOn' });
    const q = await env.legal.req('PUT', `/api/enforcement/legal-reviewers/${made.body.data.id}`, {
      qualificationNo: 'A20204401060099',
      qualifiedOn: '2020-12-18',
    });
    expect(q.status, JSON.stringify(q.body)).toBe(200);
    expect(q.body.data).toMatchObject({ name: '林审核', qualificationNo: 'A20204401060099', qualifiedOn: '2020-12-18', reviews: 0 });
    const pass = await act(fresh, c.id, 'pass_review', { checklist: all });
    expect(pass.status, JSON.stringify(pass.body)).toBe(200);
    expect(pass.body.data).toMatchObject({ stage: 'notified', reviewResult: '同意', reviewByName: '林审核' });
    const after = (await env.legal.req('GET', '/api/enforcement/legal-reviewers')).body.data.find((r: any) => r.name === '林审核');
    expect(after).toMatchObject({ reviews: 1, firstReviewOn: today });
  });
});

/**
 * The one write path of the enforcement ledgers: penalty-cases, enforcement-items and
 * officers go through the same domain functions as the forms (saveCases, saveItems,
 * saveOfficers). A past rule breach is a finding (row, column, rule, statute) on the
 * record; an imported open case gets the tracked deadlines the workflow gives it; the
 * metrics count imported cases as entered ones; re-importing an export changes
 * nothing; the last import can be undone until someone builds on it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { uploadLedger } from '../../helpers/http.js';
import { verifyChain } from '../../../src/core/audit/audit.js';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import { recordFindings } from '../../../src/core/ledger/ledger.js';
import { serverSuite } from '../../helpers/server.js';
import { squadOf } from '../../helpers/enforcementSquad.js';

let squadId: string;
let officers: Array<{ id: string; name: string }>;
let o2: string;

const today = isoDateInShanghai(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const HEAD =
  '案件编号,办案单位,案件来源,违法事项编码,案由,当事人类型,当事人名称,立案日期,是否重大案件,法制审核日期,集体讨论日期,处罚种类,罚款金额,决定日期,决定文书号,送达日期,执行完毕日期,结案日期,公示日期,承办人';
const csv = (...rows: string[]) => `${HEAD}\n${rows.join('\n')}\n`;

const env = serverSuite({ admin: 'admin', enforcer: 'enforcer' });
beforeAll(async () => {
  ({ squadId, officers } = await squadOf(env.admin));
  o2 = `${officers[0]!.name}、${officers[1]!.name}`;
});

const caseByNo = async (no: string) =>
  (await env.admin.req('GET', `/api/enforcement/cases?q=${encodeURIComponent(no)}`)).body.data.find((c: { caseNo: string }) => c.caseNo === no);
const deadlinesOf = async (id: string, module = 'enforcement') =>
  ((await env.admin.req('GET', `/api/deadlines?module=${module}`)).body.data as Array<{ entityId: string; title: string; due: string; status: string }>)
    .filter((d) => d.entityId === id)
    .map((d) => [d.title, d.due, d.status])
    .sort();

describe('penalty-cases through saveCases', () => {
  let importId: string;

  it('takes past rule breaches as findings (row, column, rule, statute) on the records, and writes one audit event for the file', async () => {
    // An officer whose certificate had expired when the case was filed, and an item not delegated to the streets.
    const off = await uploadLedger(
      env.admin,
      'officers',
      '姓名,所属单位,执法证号,发证日期,有效期至,证件考试成绩\n过期甲,水政监察大队,X-EXP-01,2015-01-01,2020-12-31,80\n',
      '人员.csv',
    );
    expect(off.body.data).toMatchObject({ ok: true, created: 1 });
    const item = await env.admin.req('POST', '/api/enforcement/items', { code: 'OP-ND', name: '未下放事项', legalBasis: '某法第1条', delegated: false });
    expect(item.status).toBe(201);
    const seq = (await verifyChain(env.sys.db, env.tenantId)).events;
    const res = await uploadLedger(
      env.admin,
      'penalty-cases',
      csv(
        `OP-1,水政监察大队,巡查发现,,倾倒渣土,法人,甲公司,2021-03-01,是,,2021-03-20,警告,,2021-04-01,穗天水罚〔2021〕901号,2021-04-02,,2021-04-10,2021-04-06,${o2}`,
        `OP-2,水政监察大队,巡查发现,,倾倒渣土,法人,乙公司,2021-03-01,否,2021-04-05,,警告,,2021-04-01,穗天水罚〔2021〕902号,,,,,${o2}`,
        `OP-3,水政监察大队,举报,,排放污水,法人,丙公司,2021-01-04,否,,,警告,,2021-06-01,穗天水罚〔2021〕903号,,,,,${o2}`,
        `OP-4,水政监察大队,举报,,排放污水,法人,丁公司,2021-05-04,否,,,,,,,,,,,${officers[0]!.name}`,
        `OP-5,水政监察大队,举报,,排放污水,法人,戊公司,2021-05-04,否,,,,,,,,,,,${officers[0]!.name}、过期甲`,
        `OP-6,五山街道,举报,OP-ND,排放污水,法人,己公司,2021-05-04,否,,,,,,,,,,,${o2}`,
        `OP-7,水政监察大队,巡查发现,,倾倒渣土,法人,庚公司,2021-03-01,否,,,警告,,2021-04-01,穗天水罚〔2021〕907号,,,,2021-05-20,${o2}`,
        `OP-8,水政监察大队,巡查发现,,占用河道,法人,辛公司,${daysAgo(150)},否,,,,,,,,,,,${o2}`,
        `OP-9,水政监察大队,巡查发现,,占用河道,法人,壬公司,2021-03-01,否,2021-03-25,,罚款,"20,000",2021-04-01,穗天水罚〔2021〕909号,2021-04-02,2021-04-10,2021-04-15,2021-04-06,${o2}`,
      ),
      '案件台账.csv',
    );
    expect(res.status).toBe(200);
    expect(res.body.data, JSON.stringify(res.body)).toMatchObject({ ok: true, created: 9, updated: 0, unchanged: 0 });
    importId = res.body.data.importId;
    const S = '《中华人民共和国行政处罚法》';
    expect(res.body.data.findings).toEqual([
      expect.objectContaining({ row: 2, column: '法制审核日期', rule: 'enforcement.legal_review_required', statute: `${S}第五十八条` }),
      expect.objectContaining({ row: 3, column: '法制审核日期', rule: 'enforcement.review_before_decision', statute: `${S}第五十八条` }),
      expect.objectContaining({ row: 4, column: '决定日期', rule: 'enforcement.decision_in_time', statute: `${S}第六十条` }),
      expect.objectContaining({
        row: 5,
        column: '承办人',
        rule: 'enforcement.officers_certified',
        statute: `${S}第四十二条`,
        message: expect.stringContaining('现有1人'),
      }),
      expect.objectContaining({
        row: 6,
        column: '承办人',
        rule: 'enforcement.officers_certified',
        message: expect.stringContaining('过期甲没有有效的执法证件'),
      }),
      expect.objectContaining({ row: 7, column: '违法事项编码', rule: 'enforcement.item_delegated', statute: expect.stringContaining('第二十四条') }),
      expect.objectContaining({ row: 8, column: '公示日期', rule: 'enforcement.publication_in_time', statute: expect.stringContaining('国办发〔2018〕118号') }),
    ]);
    // One audit event for the whole import (the publication entries are recorded without one each).
    const chain = await verifyChain(env.sys.db, env.tenantId);
    expect(chain.ok).toBe(true);
    expect(chain.events - seq).toBe(1);
    const op1 = await caseByNo('OP-1');
    expect((await env.admin.req('GET', `/api/findings/enforcement.case/${op1.id}`)).body.data).toEqual([
      expect.objectContaining({ rule: 'enforcement.legal_review_required', row: 2, importId }),
    ]);
    const op6 = await caseByNo('OP-6');
    expect(await recordFindings(env.sys.db, env.tenantId, 'enforcement.case', op6.id)).toEqual([
      expect.objectContaining({ rule: 'enforcement.item_delegated', field: '违法事项编码' }),
    ]);
  });

  it('gives an imported open overdue case its tracked 90-day term: listed in GET /api/deadlines and counted by enforcement.overdue_cases', async () => {
    const op8 = await caseByNo('OP-8');
    expect(op8).toMatchObject({ stage: 'investigation', deadline: { label: '作出处罚决定期限', status: 'overdue' } });
    expect(await deadlinesOf(op8.id)).toEqual([['作出处罚决定期限', op8.deadline.due, 'overdue']]);
    const year = op8.deadline.due.slice(0, 4);
    const m = (await env.admin.req('GET', `/api/metrics/enforcement.overdue_cases/drill?year=${year}`)).body.data;
    expect(m.rows.map((r: { case_no: string }) => r.case_no)).toContain('OP-8');
    // Legal reviews dated in 2021 count imported cases like entered ones.
    const reviews = (await env.admin.req('GET', '/api/metrics/enforcement.legal_reviews/drill?year=2021')).body.data;
    expect(reviews.rows.map((r: { case_no: string }) => r.case_no)).toEqual(expect.arrayContaining(['OP-2', 'OP-9']));
    // A decided case's publication term is tracked by the publicity module; a closed case's terms are done.
    const op9 = await caseByNo('OP-9');
    expect(await deadlinesOf(op9.id)).toEqual([]);
    const page = (await env.admin.req('GET', `/api/enforcement/cases/${op9.id}`)).body.data;
    expect(page).toMatchObject({ stage: 'closed', paidOn: '2021-04-10', imported: true });
  });

  it('gives an imported open case the same record and tracked deadlines as one filed through the form', async () => {
    const filedOn = daysAgo(10);
    const formed = await env.admin.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      source: '巡查发现',
      cause: '擅自取水',
      partyType: '法人',
      partyName: '同一公司',
      filedOn,
      officerIds: [officers[0]!.id, officers[1]!.id],
    });
    expect(formed.status).toBe(201);
    const res = await uploadLedger(
      env.admin,
      'penalty-cases',
      csv(`OP-SAME,水政监察大队,巡查发现,,擅自取水,法人,同一公司,${filedOn},否,,,,,,,,,,,${o2}`),
      '同一案件.csv',
    );
    expect(res.body.data).toMatchObject({ ok: true, created: 1, findings: [] });
    const imported = (await env.admin.req('GET', `/api/enforcement/cases/${(await caseByNo('OP-SAME')).id}`)).body.data;
    const strip = (c: Record<string, unknown>) => {
      const { id, caseNo, imported: _i, ...rest } = c;
      return rest;
    };
    expect(strip(imported)).toEqual(strip(formed.body.data));
    expect((await deadlinesOf(imported.id)).length).toBe(1);
    expect(await deadlinesOf(imported.id)).toEqual(await deadlinesOf(formed.body.data.id));

    // A decided case not yet published, and a served fine not yet paid: the publication and payment terms are open.
    const decidedOn = daysAgo(2);
    const more = await uploadLedger(
      env.admin,
      'penalty-cases',
      csv(
        `OP-DEC,水政监察大队,巡查发现,,擅自取水,法人,癸公司,${daysAgo(20)},否,,,警告,,${decidedOn},穗天水罚〔2099〕1号,,,,,${o2}`,
        `OP-PAY,水政监察大队,巡查发现,,擅自取水,法人,子公司,${daysAgo(20)},否,,,罚款,"5,000",${daysAgo(3)},穗天水罚〔2099〕2号,${daysAgo(1)},,,${daysAgo(1)},${o2}`,
      ),
      '在办.csv',
    );
    expect(more.body.data).toMatchObject({ ok: true, created: 2 });
    const dec = await caseByNo('OP-DEC');
    expect(await deadlinesOf(dec.id, 'publicity')).toEqual([['双公示期限', expect.any(String), expect.stringMatching(/ok|due_soon/)]]);
    const pay = await caseByNo('OP-PAY');
    expect((await deadlinesOf(pay.id)).map((d) => d[0])).toEqual(['缴纳罚款期限']);
  });

  it('shows the import in the case history and changes nothing when its export is imported again', async () => {
    const op1 = await caseByNo('OP-1');
    const hist = (await env.admin.req('GET', `/api/history/enforcement.case/${op1.id}`)).body.data;
    expect(hist[0]).toMatchObject({ action: 'imported', changes: { note: { filename: '案件台账.csv', row: 2, importId } } });
    const exp = await env.app.inject({ method: 'GET', url: '/api/ledgers/penalty-cases/export?format=csv', headers: { cookie: env.admin.cookie } });
    expect(exp.statusCode).toBe(200);
    const all = (await env.admin.req('GET', '/api/enforcement/cases')).body.data.length;
    const again = await uploadLedger(env.admin, 'penalty-cases', exp.rawPayload, '导出.csv');
    expect(again.body.data, JSON.stringify(again.body.data).slice(0, 2000)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: all });
  });

  it('undoes the last import with its publication entries, and refuses once a case was worked on', async () => {
    const first = await uploadLedger(
      env.admin,
      'penalty-cases',
      csv(`OP-U1,水政监察大队,巡查发现,,倾倒渣土,法人,丑公司,2022-03-01,否,,,警告,,2022-04-01,穗天水罚〔2022〕991号,,,,,${o2}`),
      'u1.csv',
    );
    expect(first.body.data).toMatchObject({ ok: true, created: 1 });
    const u1 = await caseByNo('OP-U1');
    expect(await deadlinesOf(u1.id, 'publicity')).toHaveLength(1);
    const undone = await env.admin.req('POST', `/api/imports/${first.body.data.importId}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body.data).toEqual({ deleted: 1, restored: 0 });
    expect(await caseByNo('OP-U1')).toBeUndefined();
    expect(await deadlinesOf(u1.id, 'publicity')).toEqual([]);
    const pub = await env.sys.db
      .selectFrom('pub_decision' as never)
      .select('id' as never)
      .where('source_id' as never, '=', u1.id as never)
      .execute();
    expect(pub).toEqual([]);

    const second = await uploadLedger(
      env.admin,
      'penalty-cases',
      csv(`OP-U2,水政监察大队,巡查发现,,倾倒渣土,法人,寅公司,${daysAgo(5)},否,,,,,,,,,,,${o2}`),
      'u2.csv',
    );
    const u2 = (await env.admin.req('GET', `/api/enforcement/cases/${(await caseByNo('OP-U2')).id}`)).body.data;
    const ev = await env.enforcer.req('POST', `/api/enforcement/cases/${u2.id}/events/add_evidence`, { version: u2.version, kind: 'photo', title: '现场照片' });
    expect(ev.status, JSON.stringify(ev.body)).toBe(200);
    const refused = await env.admin.req('POST', `/api/imports/${second.body.data.importId}/undo`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IMPORT_UNDO_BLOCKED');
    expect(refused.body.message).toContain('第2行');
    expect(await caseByNo('OP-U2')).toBeDefined();
  });
});

describe('enforcement-items and officers through saveItems / saveOfficers', () => {
  const ITEM_HEAD = '事项编码,事项名称,法律依据,处罚依据,裁量基准,是否下放街道\n';
  const OFFICER_HEAD = '姓名,所属单位,执法证号,发证日期,有效期至,证件考试成绩\n';

  it('an imported item and officer are the records the forms make; the prose benchmark stays verbatim with its levels', async () => {
    const text = '情节较轻的，处5000元以下罚款；情节严重的，处5000元以上2万元以下罚款';
    const form = await env.admin.req('POST', '/api/enforcement/items', {
      code: 'OP-F1',
      name: '同一事项',
      legalBasis: '某法第1条',
      penaltyBasis: '某法第2条',
      discretionText: text,
      delegated: true,
    });
    expect(form.status).toBe(201);
    const imp = await uploadLedger(env.admin, 'enforcement-items', `${ITEM_HEAD}OP-I1,同一事项,某法第1条,某法第2条,${text},是\n`, '事项.csv');
    expect(imp.body.data).toMatchObject({ ok: true, created: 1, findings: [] });
    const items = (await env.admin.req('GET', '/api/enforcement/items')).body.data;
    const strip = (r: Record<string, unknown>) => {
      const { id, code, ...rest } = r;
      return rest;
    };
    const a = items.find((i: { code: string }) => i.code === 'OP-I1');
    expect(a.discretionText).toBe(text);
    expect(a.discretion).toHaveLength(2);
    expect(strip(a)).toEqual(strip(items.find((i: { code: string }) => i.code === 'OP-F1')));
    const hist = (await env.admin.req('GET', `/api/history/enforcement.item/${a.id}`)).body.data;
    expect(hist[0]).toMatchObject({ action: 'imported', changes: { note: { filename: '事项.csv', row: 2 } } });

    const formed = await env.admin.req('POST', '/api/enforcement/officers', {
      orgId: squadId,
      name: '表单乙',
      certNo: 'OP-C1',
      certIssuedOn: '2023-01-01',
      certValidUntil: '2028-01-01',
      examScore: 91,
    });
    expect(formed.status).toBe(201);
    expect(
      (await uploadLedger(env.admin, 'officers', `${OFFICER_HEAD}导入乙,水政监察大队,OP-C2,2023-01-01,2028-01-01,91\n`, '人员2.csv')).body.data,
    ).toMatchObject({ ok: true, created: 1 });
    const list = (await env.admin.req('GET', `/api/enforcement/officers?orgId=${squadId}`)).body.data;
    const pick = (n: string) => {
      const { id, name, certNo, ...rest } = list.find((o: { name: string }) => o.name === n);
      return rest;
    };
    expect(pick('导入乙')).toEqual(pick('表单乙'));
  });

  it('re-importing the exports changes nothing', async () => {
    for (const key of ['enforcement-items', 'officers']) {
      const exp = await env.app.inject({ method: 'GET', url: `/api/ledgers/${key}/export?format=csv`, headers: { cookie: env.admin.cookie } });
      const again = await uploadLedger(env.admin, key, exp.rawPayload, `${key}.csv`);
      expect(again.body.data, key).toMatchObject({ ok: true, created: 0, updated: 0 });
      expect(again.body.data.unchanged, key).toBeGreaterThan(0);
    }
  });

  it('undoes an import of items or officers nobody uses, and refuses, naming the case, once a case refers to one', async () => {
    const free = await uploadLedger(env.admin, 'enforcement-items', `${ITEM_HEAD}OP-I2,无人使用,某法第1条,,,否\n`, '事项2.csv');
    expect((await env.admin.req('POST', `/api/imports/${free.body.data.importId}/undo`)).body.data).toEqual({ deleted: 1, restored: 0 });

    const used = await uploadLedger(env.admin, 'enforcement-items', `${ITEM_HEAD}OP-I3,被引用,某法第1条,,,是\n`, '事项3.csv');
    const item = (await env.admin.req('GET', '/api/enforcement/items')).body.data.find((i: { code: string }) => i.code === 'OP-I3');
    const filed = await env.admin.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      itemId: item.id,
      cause: '引用事项',
      partyType: '法人',
      partyName: '引用公司',
      filedOn: daysAgo(1),
      officerIds: [officers[0]!.id, officers[1]!.id],
    });
    expect(filed.status).toBe(201);
    const refused = await env.admin.req('POST', `/api/imports/${used.body.data.importId}/undo`);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'IMPORT_UNDO_BLOCKED', message: expect.stringContaining(filed.body.data.caseNo) });

    const off = await uploadLedger(env.admin, 'officers', `${OFFICER_HEAD}引用丙,水政监察大队,OP-C3,2023-01-01,2099-01-01,90\n`, '人员3.csv');
    const o = (await env.admin.req('GET', `/api/enforcement/officers?orgId=${squadId}`)).body.data.find((x: { name: string }) => x.name === '引用丙');
    const filed2 = await env.admin.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      cause: '引用人员',
      partyType: '法人',
      partyName: '引用公司',
      filedOn: daysAgo(1),
      officerIds: [officers[0]!.id, o.id],
    });
    expect(filed2.status).toBe(201);
    const refused2 = await env.admin.req('POST', `/api/imports/${off.body.data.importId}/undo`);
    expect(refused2.body).toMatchObject({ code: 'IMPORT_UNDO_BLOCKED', message: expect.stringContaining(filed2.body.data.caseNo) });
  });
});

describe('the workflow checks a level set as a multiple of 违法所得 with the amount given at the proposal', () => {
  it('refuses a fine outside the multiple of the given base, and accepts one inside it, keeping the base on the case', async () => {
    const item = await env.admin.req('POST', '/api/enforcement/items', {
      code: 'OP-MUL',
      name: '倍数事项',
      legalBasis: '某法第1条',
      discretionText: '情节较轻的，处违法所得一倍以上三倍以下罚款',
    });
    expect(item.status).toBe(201);
    const filed = await env.enforcer.req('POST', '/api/enforcement/cases', {
      orgId: squadId,
      itemId: item.body.data.id,
      cause: '倍数测试',
      partyType: '法人',
      partyName: '倍数公司',
      filedOn: daysAgo(3),
      officerIds: [officers[0]!.id, officers[1]!.id],
    });
    expect(filed.status).toBe(201);
    const id = filed.body.data.id;
    const act = async (event: string, body: Record<string, unknown>) => {
      const cur = (await env.enforcer.req('GET', `/api/enforcement/cases/${id}`)).body.data;
      return env.enforcer.req('POST', `/api/enforcement/cases/${id}/events/${event}`, { version: cur.version, ...body });
    };
    expect((await act('add_evidence', { kind: 'photo', title: '现场照片' })).status).toBe(200);
    const outside = await act('propose', { kinds: ['罚款'], fineYuan: 4000, circumstance: 'light', baseYuan: 1000 });
    expect(outside.status).toBe(400);
    expect(outside.body.message).toContain('1000至3000元之内');
    const inside = await act('propose', { kinds: ['罚款'], fineYuan: 2000, circumstance: 'light', baseYuan: 1000 });
    expect(inside.status, JSON.stringify(inside.body)).toBe(200);
    expect(inside.body.data).toMatchObject({ stage: 'proposed', discretionBaseYuan: 1000 });
  });
});

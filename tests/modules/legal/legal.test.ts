import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';
import { login, uploadLedger } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';

const t = serverSuite({ legal: 'legal', advisor: 'advisor' });

describe('the 2022 legal-advisor figures', () => {
  it.each([
    ['legal.contracts_reviewed', 315],
    ['legal.documents_reviewed', 31],
    ['legal.opinions', 6],
    ['legal.meetings', 11],
    ['legal.trainings', 2],
  ])('%s = %d, drillable to exactly those records', async (key, n) => {
    const d = (await t.legal.req('GET', `/api/metrics/${key}/drill?year=2022`)).body.data;
    expect(d.value).toBe(n);
    expect(d.total).toBe(n);
    expect(d.recordRoute).toBe('/legal/advice/:id');
  });
  it('counts more than 50 consultations (the report says 50余)', async () => {
    const d = (await t.legal.req('GET', '/api/metrics/legal.consultations/drill?year=2022')).body.data;
    expect(d.value).toBeGreaterThan(50);
    expect(d.total).toBe(d.value);
  });
});

describe('work records with attachments', () => {
  it('records a contract review under the firm whose contract covers the date, with the reviewed document attached', async () => {
    const r = await t.advisor.req('POST', '/api/legal/advice', {
      date: '2023-05-10',
      kind: '合同审查',
      title: '猎德涌清淤工程施工合同（测试）',
      handler: '郑律师',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data.firm).toContain('衡正');
    const boundary = '----legal';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\nlegal.advice`,
      `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${r.body.data.id}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="审查意见.txt"\r\nContent-Type: text/plain\r\n\r\n第十二条违约责任约定不明，建议修改。`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    const up = await t.advisor.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.status).toBe(201);
    const list = await t.legal.req('GET', `/api/attachments?entity=legal.advice&entityId=${r.body.data.id}`);
    expect(list.body.data.map((a: any) => a.filename)).toEqual(['审查意见.txt']);
    const ev = await history(t.sys.db, t.tenantId, 'legal.advice', r.body.data.id);
    expect(ev.map((e) => e.action)).toEqual(['created', 'attachment_added']);
  });

  it('refuses an unknown type naming the field, and stores nothing', async () => {
    const before = (await t.legal.req('GET', '/api/legal/advice?year=2023')).body.data.total;
    const r = await t.legal.req('POST', '/api/legal/advice', { date: '2023-05-10', kind: '合同审查', title: '  ' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'title', message: '事项名称不能为空' });
    expect((await t.legal.req('GET', '/api/legal/advice?year=2023')).body.data.total).toBe(before);
  });
});

describe('legality review before issue (合法性审查)', () => {
  it('refuses to issue an unreviewed decision, then issues it after a review of 同意', async () => {
    const d = await t.legal.req('POST', '/api/legal/documents', { kind: '重大行政决策', title: '测试决策方案', submittedOn: '2023-05-04' });
    expect(d.status).toBe(201);
    let r = await t.legal.req('POST', `/api/legal/documents/${d.body.data.id}/issue`, { issuedOn: '2023-05-20', version: d.body.data.version });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('LEGAL_REVIEW_REQUIRED');
    r = await t.legal.req('POST', `/api/legal/documents/${d.body.data.id}/review`, {
      reviewedOn: '2023-05-08',
      result: '存在问题',
      opinion: '方案第五条设定罚款无上位法依据',
      version: d.body.data.version,
    });
    expect(r.body.data.actions).toEqual([
      { event: 'review', label: '合法性审查', allowed: true, reasons: [], to: null },
      { event: 'issue', label: '印发 / 作出决策', allowed: false, reasons: ['合法性审查意见为“存在问题”，须修改后重新送审，不得印发或提交决策'], to: 'issued' },
    ]);
    const failed = await t.legal.req('POST', `/api/legal/documents/${d.body.data.id}/issue`, { issuedOn: '2023-05-20', version: r.body.data.version });
    expect(failed.body.code).toBe('LEGAL_REVIEW_FAILED');
    r = await t.legal.req('POST', `/api/legal/documents/${d.body.data.id}/review`, {
      reviewedOn: '2023-05-12',
      result: '同意',
      opinion: '已删除第五条，同意',
      version: r.body.data.version,
    });
    // The outside lawyer advises; issuing is the bureau's act.
    expect((await t.advisor.req('POST', `/api/legal/documents/${d.body.data.id}/issue`, { issuedOn: '2023-05-20', version: r.body.data.version })).status).toBe(
      403,
    );
    r = await t.legal.req('POST', `/api/legal/documents/${d.body.data.id}/issue`, {
      issuedOn: '2023-05-20',
      docNo: '天水决〔2023〕1号',
      version: r.body.data.version,
    });
    expect(r.body.data).toMatchObject({ status: 'issued', docNo: '天水决〔2023〕1号', actions: [] });
    const ev = await history(t.sys.db, t.tenantId, 'legal.document', d.body.data.id);
    expect(ev.map((e) => e.action)).toEqual(['submitted', 'reviewed', 'reviewed', 'issued']);
  });

  it('lets only the legal office review', async () => {
    const d = await t.advisor.req('POST', '/api/legal/documents', { kind: '重大行政决策', title: '测试决策', submittedOn: '2023-05-04' });
    expect(
      (await t.advisor.req('POST', `/api/legal/documents/${d.body.data.id}/review`, { reviewedOn: '2023-05-08', result: '同意', opinion: '同意', version: 1 }))
        .status,
    ).toBe(403);
  });
});

describe('the annual appraisal', () => {
  it('scores the criteria and grades the advisor', async () => {
    const r = await t.legal.req('POST', '/api/legal/appraisals', {
      year: 2022,
      appraisedOn: '2023-03-15',
      selfCheck: '逐项自查',
      criteria: [
        { name: '专业能力', max: 50, score: 44 },
        { name: '响应时效', max: 50, score: 42 },
      ],
      suggestions: '加强培训',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ total: 86, grade: '良好' });
    const dup = await t.legal.req('POST', '/api/legal/appraisals', {
      year: 2022,
      appraisedOn: '2023-03-16',
      selfCheck: '重复',
      criteria: [{ name: '专业能力', max: 50, score: 44 }],
    });
    expect(dup.status).toBe(409);
    const bad = await t.legal.req('POST', '/api/legal/appraisals', {
      year: 2024,
      appraisedOn: '2025-03-16',
      selfCheck: '超分',
      criteria: [{ name: '专业能力', max: 50, score: 51 }],
    });
    expect(bad.body).toMatchObject({ field: 'criteria[0].score' });
  });
  it('lists the 2021 appraisal done in October 2022', async () => {
    const list = (await t.legal.req('GET', '/api/legal/appraisals')).body.data.items;
    expect(list.find((a: any) => a.year === 2021)).toMatchObject({ appraisedOn: '2022-10-20', grade: '优秀' });
  });
});

describe('the legal-advice ledger', () => {
  it('exports, and re-importing the export changes nothing', async () => {
    const exp = await t.app.inject({ method: 'GET', url: '/api/ledgers/legal-advice/export?format=csv', headers: { cookie: t.legal.cookie } });
    expect(exp.statusCode).toBe(200);
    const r = await uploadLedger(t.legal, 'legal-advice', exp.rawPayload, '台账.csv');
    expect(r.body.data).toMatchObject({ ok: true, created: 0, updated: 0 });
    expect(r.body.data.unchanged).toBeGreaterThan(500);
  });
  it('names the row and column of a bad type', async () => {
    const csv = '日期,类型,事项名称,顾问单位,承办人\n2023-05-01,合同审核,某合同,,\n';
    const r = await uploadLedger(t.legal, 'legal-advice', csv, 'x.csv');
    expect(r.body.data.errors[0]).toMatchObject({ row: 2, column: '类型' });
  });
});

describe('every route answers in its declared shape (the test server checks each answer against its schema)', () => {
  it('registers, amends and reads an advisor contract', async () => {
    const manager = await login(t.app, 'admin');
    const c = await manager.req('POST', '/api/legal/contracts', {
      firm: '测试律师事务所',
      contractNo: 'FL-2030-01',
      startOn: '2030-01-01',
      endOn: '2030-12-31',
      feeYuan: 120000.5,
      lawyers: '王律师',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body.data).toMatchObject({ firm: '测试律师事务所', feeYuan: 120000.5, procurement: null, version: 1 });
    const u = await manager.req('PUT', `/api/legal/contracts/${c.body.data.id}`, {
      firm: '测试律师事务所',
      contractNo: 'FL-2030-01',
      startOn: '2030-01-01',
      endOn: '2030-12-31',
      feeYuan: 90000,
      lawyers: '王律师、李律师',
      version: 1,
    });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.data).toMatchObject({ feeYuan: 90000, lawyers: '王律师、李律师', version: 2 });
    expect((await t.legal.req('GET', `/api/legal/contracts/${c.body.data.id}`)).body.data).toEqual(u.body.data);
    const list = await t.legal.req('GET', '/api/legal/contracts');
    expect(list.status).toBe(200);
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(c.body.data.id);
  });
  it('reads a document with the rule its review follows, and an appraisal', async () => {
    const d = await t.legal.req('POST', '/api/legal/documents', { kind: '规范性文件', title: '形状测试文件', submittedOn: '2023-06-01' });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const one = await t.legal.req('GET', `/api/legal/documents/${d.body.data.id}`);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body.data).toMatchObject({
      status: 'drafting',
      statusLabel: '起草中',
      draftedOn: '2023-06-01',
      reviewResult: null,
      orgName: expect.any(String),
    });
    expect(one.body.data.checklist.length).toBeGreaterThan(0);
    expect(one.body.data.terms.map((t: { key: string; n: number }) => [t.key, t.n])).toEqual([
      ['legal.normative.comment', 30],
      ['legal.normative.filing', 30],
      ['legal.normative.validity', 60],
    ]);
    expect(one.body.data.reviewSource).toContain('115号');
    const list = (await t.legal.req('GET', '/api/legal/documents?year=2023')).body.data;
    expect(list.find((x: { id: string }) => x.id === d.body.data.id)).toMatchObject({ title: '形状测试文件' });
    const a = (await t.legal.req('GET', '/api/legal/appraisals')).body.data;
    expect(a.grades.map((g: { grade: string }) => g.grade)).toEqual(['优秀', '良好', '合格', '不合格']);
    const first = await t.legal.req('GET', `/api/legal/appraisals/${a.items[0].id}`);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data).toEqual(a.items[0]);
    const byKind = (await t.legal.req('GET', '/api/legal/advice?year=2022')).body.data.byKind;
    expect(byKind.合同审查).toBe(315);
  });
});

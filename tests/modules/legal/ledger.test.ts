import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import { messyLedgerFile } from '../../helpers/messyLedger.js';
import type { System } from '../../../src/core/system.js';
import type { Ctx } from '../../../src/core/context.js';
import { systemActor } from '../../../src/core/context.js';
import { listTenants } from '../../../src/core/tenant.js';
import { importLedger, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { writeCsv, writeXlsx } from '../../../src/core/ledger/write.js';
import { undoImport } from '../../../src/core/ledger/imports.js';

/** 行政规范性文件登记台账: export → import changes nothing; a row goes through the document page's steps. */
let sys: System;
let app: FastifyInstance;
let legal: Client;
let ctx: Ctx;
let def: LedgerDef<any>;

type Row = Record<string, unknown>;
const importRows = (rows: Row[]) => importLedger(sys, ctx, def, { file: { data: writeCsv(def.spec, rows as any), filename: 'f.csv' } });
const documents = async () => (await legal.req('GET', '/api/legal/documents?kind=规范性文件')).body.data as Array<Record<string, any>>;

/** A document of 2023 taken through every step, in force (each date the first one its step allows). */
const inForce = (over: Row = {}): Row => ({
  docNo: '天水规〔2023〕1号',
  title: '广州市天河区水务局测试管理办法',
  org: null,
  draftedOn: '2023-03-01',
  commentFrom: '2023-03-01',
  commentUntil: '2023-03-31', // 30 days: the shortest period allowed
  commentChannel: '区政府门户网站公开征求意见',
  submittedOn: '2023-04-01', // the day after the period
  commentSummary: '未收到意见',
  reviewedOn: '2023-04-01',
  reviewResult: '同意',
  reviewOpinion: '制定主体、权限、程序合法',
  reviewer: '陈法制',
  deliberatedOn: '2023-04-01',
  deliberation: '局长办公会议',
  publishedOn: '2023-04-01',
  validUntil: null,
  filedOn: '2023-05-15', // late (due 2023-05-01, rolled past the May Day holiday to 05-04): recorded as it was
  cleanedOn: null,
  cleanupOutcome: null,
  cleanupReason: null,
  repealedOn: null,
  repealReason: null,
  status: null,
  ...over,
});

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  legal = await login(app, 'legal');
  ctx = sys.ctx(systemActor((await listTenants(sys.db))[0]!.id));
  def = sys.registry.ledgers.get('normative-documents')!;
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('the normative-documents ledger', () => {
  it('exports the demo bureau’s documents with their steps, cleanups and status', async () => {
    const rows = await def.exportRows(ctx);
    expect(rows.map((r: Row) => [r.docNo, r.status, r.cleanupOutcome])).toEqual([
      ['天水规〔2018〕1号', '已废止', '废止'],
      ['天水规〔2019〕1号', '已失效', '继续有效'], // valid until 2024
      ['天水规〔2022〕1号', '现行有效', null],
      ['天水规〔2022〕2号', '现行有效', null],
    ]);
    expect(rows[0]).toMatchObject({ repealedOn: '2022-11-15', cleanedOn: '2022-11-15', reviewResult: '同意', org: expect.any(String) });
  });

  it('changes nothing when its own export is imported again (CSV, Excel, and written as a bureau would)', async () => {
    const rows = await def.exportRows(ctx);
    expect(await importRows(rows)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 4 });
    const xlsx = Buffer.from(await writeXlsx(def.spec, rows));
    expect(await importLedger(sys, ctx, def, { file: { data: xlsx, filename: 'f.xlsx' } })).toMatchObject({ ok: true, unchanged: 4 });
    const messy = Buffer.from(await messyLedgerFile(def.spec, rows as Row[], { format: 'xlsx' }));
    expect(await importLedger(sys, ctx, def, { file: { data: messy, filename: 'f.xlsx' } })).toMatchObject({ ok: true, unchanged: 4 });
    expect(await def.exportRows(ctx)).toEqual(rows);
  });

  /** A draft not yet submitted: none of its steps from submission on taken (review, deliberation, publication, filing). */
  const UNSUBMITTED: Row = {
    submittedOn: null,
    commentSummary: null,
    reviewedOn: null,
    reviewResult: null,
    reviewOpinion: null,
    reviewer: null,
    deliberatedOn: null,
    deliberation: null,
    publishedOn: null,
    filedOn: null,
  };
  // Each row refused names its row and column, and nothing of the file is written.
  const refusals: Array<[string, Row, string, RegExp]> = [
    ['a 29-day comment period (the 30th day is the first allowed end)', { commentUntil: '2023-03-30' }, '征求意见截止日期', /不少于30日/],
    ['submitted on the last day of the comment period', { submittedOn: '2023-03-31' }, '送审日期', /届满后方可送合法性审核/],
    ['deliberated without a legality review', { reviewedOn: null, reviewResult: null, reviewOpinion: null, reviewer: null }, '集体审议日期', /未经合法性审查/],
    ['deliberated after a review finding problems', { reviewResult: '存在问题' }, '集体审议日期', /存在问题/],
    ['reviewed before it was submitted', { reviewedOn: '2023-03-31', deliberatedOn: '2023-04-02' }, '合法性审核日期', /不能早于送审日期/],
    ['deliberated before the review', { reviewedOn: '2023-04-03' }, '集体审议日期', /不能早于合法性审核日期/],
    ['published before the deliberation', { publishedOn: '2023-03-31' }, '公布日期', /./],
    ['published without a deliberation', { deliberatedOn: null, deliberation: null }, '公布日期', /./],
    ['a review result without its date', { reviewedOn: null }, '合法性审核日期', /应同时填写/],
    ['filed before publication', { filedOn: '2023-03-31' }, '备案日期', /不能早于公布日期/],
    ['in force without a number', { docNo: null }, '统一编号', /应填写统一编号/],
    ['a number of another year than the publication', { docNo: '天水规〔2022〕9号' }, '统一编号', /公布年份2023/],
    ['a number not in the pattern', { docNo: '天水规2023-1' }, '统一编号', /天水规〔2022〕1号/],
    [
      'a number of the year taken by another document (other prefix)',
      {
        docNo: '天水办〔2022〕1号',
        publishedOn: '2022-04-01',
        filedOn: null,
        draftedOn: '2022-03-01',
        commentFrom: '2022-03-01',
        commentUntil: '2022-03-31',
        submittedOn: '2022-04-01',
        reviewedOn: '2022-04-01',
        deliberatedOn: '2022-04-01',
      },
      '统一编号',
      /2022年第1号已由/,
    ],
    ['a draft with a number', { commentFrom: null, commentUntil: null, commentChannel: null, ...UNSUBMITTED }, '公布日期', /填写了“统一编号”/],
    ['a validity of six years', { validUntil: '2029-04-01' }, '有效期', /1至5年/],
    ['a validity not ending on the day', { validUntil: '2028-03-15' }, '有效期至', /对应日/],
    ['a status the dates do not bear', { status: '已废止' }, '状态', /应为“现行有效”/],
    [
      'a repeal at a cleanup on another day',
      { cleanedOn: '2024-01-10', cleanupOutcome: '废止', cleanupReason: '已不适应', repealedOn: '2024-01-11' },
      '废止日期',
      /清理日期/,
    ],
    ['a cleanup without its outcome', { cleanedOn: '2024-01-10' }, '清理结论', /应同时填写/],
    ['an unknown drafting unit', { org: '不存在的科室' }, '起草单位', /未知的单位/],
    ['an impossible date', { publishedOn: '2023-02-30' }, '公布日期', /./],
    ['a title over 300 characters', { title: 'x'.repeat(301) }, '文件名称', /过长/],
  ];
  it.each(refusals)('refuses %s, naming the column', async (_what, over, column, message) => {
    const before = await documents();
    const res = await importRows([inForce({ docNo: '天水规〔2023〕7号', title: '另一份文件' }), inForce(over)]);
    expect(res.ok, JSON.stringify(res)).toBe(false);
    if (res.ok) return;
    expect(res.errors).toEqual([expect.objectContaining({ row: 3, column: expect.stringContaining(column), message: expect.stringMatching(message) })]);
    expect(await documents()).toHaveLength(before.length);
  });

  it('refuses a file with a NUL or a 1 MB cell as the kernel reads it, naming the row (and column), nothing written', async () => {
    const before = await documents();
    await expect(importRows([inForce({ docNo: '天水规〔2023〕7号', title: '另一份文件' }), inForce({ title: '测试\u0000办法' })])).rejects.toThrow(/第3行B列/);
    await expect(importRows([inForce({ docNo: '天水规〔2023〕7号', title: '另一份文件' }), inForce({ title: 'x'.repeat(1_000_000) })])).rejects.toThrow(
      /第3行/,
    );
    expect(await documents()).toHaveLength(before.length);
  });

  it('refuses the same number twice in a file, and a number of the year’s series twice', async () => {
    const twice = await importRows([inForce(), inForce({ title: '同号文件' })]);
    expect(twice.ok).toBe(false);
    const seq = await importRows([inForce(), inForce({ docNo: '天水办〔2023〕1号', title: '同序号文件' })]);
    expect(seq.ok).toBe(false);
    if (!seq.ok)
      expect(seq.errors).toEqual([expect.objectContaining({ row: 3, column: '统一编号', message: expect.stringContaining('与第2行同为2023年第1号') })]);
  });

  it('takes a document published with the shortest comment period and filed late, as the document page would have', async () => {
    const res = await importRows([
      inForce(),
      inForce({
        docNo: null,
        title: '起草中的文件',
        commentFrom: '2023-06-01',
        commentUntil: '2023-07-01',
        ...UNSUBMITTED,
      }),
    ]);
    expect(res, JSON.stringify(res)).toMatchObject({ ok: true, created: 2 });
    const docs = await documents();
    const d = docs.find((x) => x.docNo === '天水规〔2023〕1号')!;
    expect(d).toMatchObject({
      status: 'published',
      issuedOn: '2023-04-01',
      filingDue: '2023-05-04',
      filedOn: '2023-05-15',
      filedOnTime: false,
      validUntil: expect.stringMatching(/^2028-/),
    });
    expect(docs.find((x) => x.title === '起草中的文件')).toMatchObject({ status: 'commenting', docNo: null });
    // The draft, published later, is matched on its title and takes its number; the cleanup is added once.
    const later = inForce({
      docNo: '天水规〔2023〕2号',
      title: '起草中的文件',
      commentFrom: '2023-06-01',
      commentUntil: '2023-07-01',
      submittedOn: '2023-07-03',
      reviewedOn: '2023-07-04',
      deliberatedOn: '2023-07-05',
      publishedOn: '2023-07-06',
      filedOn: '2023-07-10',
      cleanedOn: '2024-12-01',
      cleanupOutcome: '继续有效',
      cleanupReason: '仍适应管理需要',
    });
    expect(await importRows([later])).toMatchObject({ ok: true, created: 0, updated: 1 });
    expect(await importRows([later])).toMatchObject({ ok: true, unchanged: 1 });
    const page = await legal.req('GET', `/api/legal/documents/${docs.find((x) => x.title === '起草中的文件')!.id}`);
    expect(page.body.data).toMatchObject({ docNo: '天水规〔2023〕2号', status: 'published', publicStatus: '现行有效' });
  });

  it('undoes an import: the documents it created go, with their cleanups', async () => {
    const before = await documents();
    const res = await importRows([
      inForce({
        docNo: '天水规〔2025〕1号',
        title: '撤销导入测试办法',
        draftedOn: '2025-03-03',
        commentFrom: '2025-03-03',
        commentUntil: '2025-04-02',
        submittedOn: '2025-04-03',
        reviewedOn: '2025-04-03',
        deliberatedOn: '2025-04-03',
        publishedOn: '2025-04-03',
        filedOn: '2025-04-10',
        cleanedOn: '2025-12-01',
        cleanupOutcome: '废止',
        cleanupReason: '已被替代',
      }),
    ]);
    expect(res, JSON.stringify(res)).toMatchObject({ ok: true, created: 1 });
    if (!res.ok) return;
    expect((await documents()).find((d) => d.docNo === '天水规〔2025〕1号')).toMatchObject({ status: 'repealed', repealedOn: '2025-12-01' });
    expect(await undoImport(ctx, def, res.importId!)).toMatchObject({ deleted: 1 });
    expect(await documents()).toHaveLength(before.length);
  });
});

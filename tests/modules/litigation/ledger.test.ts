import { beforeAll, describe, expect, it } from 'vitest';
import { importLedger, recordFindings, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { undoImport } from '../../../src/core/ledger/imports.js';
import { writeCsv, writeXlsx } from '../../../src/core/ledger/write.js';
import { serverSuite } from '../../helpers/server.js';

/** The demo bureau's 2022 cases and the 行政复议行政诉讼案件台账 (one write path with the form). */
let def: LedgerDef<any>;

const HEADER =
  '案号,案件类别,审级,申请人（原告）类型,申请人（原告）,身份证号码,被申请（被诉）行为类别,被申请（被诉）行为,复议机关（审理法院）,收到副本日期,答复（答辩）日期,开庭（听证）日期,出庭负责人职务,出庭负责人,负责人未出庭理由,审结结果,审结日期,送达日期,承办单位';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);
const importCsv = (data: Buffer, filename = 'f.csv') => importLedger(env.sys, env.ctx, def, { file: { data, filename } });
const byNo = async (caseNo: string) =>
  (await env.legal.req('GET', `/api/litigation/cases?q=${encodeURIComponent(caseNo)}`)).body.data.items.find((r: any) => r.caseNo === caseNo);

const env = serverSuite({ legal: 'legal', leader: 'leader' });
beforeAll(async () => {
  def = env.sys.registry.ledgers.get('litigation-cases')!;
});

describe('the demo bureau in 2022', () => {
  it('has three reconsiderations and two lawsuits, one appealed, with their figures from the records', async () => {
    const list = (await env.leader.req('GET', '/api/litigation/cases?year=2022&pageSize=50')).body.data;
    expect(list.total).toBe(5);
    expect(list.items.filter((c: any) => c.kind === '复议')).toHaveLength(3);
    const appealed = list.items.find((c: any) => c.caseNo === '(2022)粤7101行初1203号');
    expect(appealed).toMatchObject({
      instance: '二审',
      firstOutcome: '驳回诉讼请求',
      outcome: '驳回诉讼请求',
      status: 'closed',
      actEntity: 'enforcement.case',
    });
    const lost = list.items.find((c: any) => c.caseNo === '(2022)粤7101行初2377号');
    expect(lost).toMatchObject({ outcome: '确认违法', lost: true, status: 'closed', rectifiedOn: '2022-11-25' });
    const metric = async (key: string) => (await env.leader.req('GET', `/api/metrics/${key}/drill?year=2022`)).body.data.value;
    expect(await metric('litigation.received')).toBe(5);
    expect(await metric('litigation.concluded')).toBe(4);
    expect(await metric('litigation.correction_rate')).toBe(50);
    expect(await metric('litigation.loss_rate')).toBe(50);
    // Lawsuit hearings: 李局长 (first instance), none at the second with the reason, 何副局长.
    expect(await metric('litigation.head_appearance_rate')).toBe(66.67);
  });

  it('links the revoked penalty decision and shows the second-instance hearing without the head, with the reason', async () => {
    const revoked = await byNo('天府复〔2022〕57号');
    expect(revoked).toMatchObject({ outcome: '撤销', corrected: true, lost: false, actEntity: 'enforcement.case' });
    const penalty = await env.legal.req('GET', `/api/enforcement/cases/${revoked.actRecordId}`);
    expect(penalty.status).toBe(200);
    expect(revoked.actTitle).toContain(penalty.body.data.caseNo);
    const appealed = (await env.legal.req('GET', `/api/litigation/cases/${(await byNo('(2022)粤7101行初1203号')).id}`)).body.data;
    expect(appealed.hearings.map((h: any) => [h.instance, h.headAppeared])).toEqual([
      ['一审', true],
      ['二审', false],
    ]);
    expect(appealed.hearings[1].absenceReason).toContain('防汛');
  });
});

describe('the ledger', () => {
  it('changes nothing when its own export is imported again (CSV and Excel)', async () => {
    const rows = await def.exportRows(env.ctx);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(await importCsv(writeCsv(def.spec, rows))).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
    const xlsx = await writeXlsx(def.spec, rows);
    expect(await importCsv(Buffer.from(xlsx), 'f.xlsx')).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
  });

  it('takes a late reply and a hearing without the head’s record as findings, not refusals', async () => {
    const res = await importCsv(
      csv(
        // 10 working days from 2021-03-01: 2021-03-15; replied on the 18th.
        'L-2021-1,行政复议,,法人,广州某甲有限公司,,行政处罚,穗天水罚〔2021〕3号,广州市天河区人民政府,2021-03-01,2021-03-18,,,,,维持,2021-04-20,2021-04-22,水政监察大队',
        // An old hearing recorded with neither a head nor a reason.
        'L-2021-2,行政诉讼,一审,自然人,黄某某,,行政许可,天水许〔2021〕9号,广州铁路运输法院,2021-05-10,2021-05-20,2021-06-17,,,,驳回诉讼请求,2021-07-01,2021-07-05,行政审批科',
      ),
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.created).toBe(2);
    expect(res.findings.map((f) => [f.row, f.rule])).toEqual([
      [2, 'litigation.reply_in_time'],
      [3, 'litigation.head_appearance'],
    ]);
    const late = await byNo('L-2021-1');
    expect(late).toMatchObject({ kind: '复议', replyDueOn: '2021-03-15', replyOnTime: false, status: 'concluded' });
    const f = await recordFindings(env.sys.db, env.ctx.actor.tenantId, 'litigation.case', late.id);
    expect(f).toEqual([expect.objectContaining({ rule: 'litigation.reply_in_time', row: 2 })]);
  });

  it('refuses a bad row naming its row and column, and writes nothing', async () => {
    const before = (await env.legal.req('GET', '/api/litigation/cases?pageSize=1')).body.data.total;
    const res = await importCsv(
      csv(
        'L-BAD-1,行政复议,,法人,某公司,,行政处罚,某决定,区政府,2021-02-30,,,,,,,,,',
        'L-BAD-2,行政官司,,法人,某公司,,行政处罚,某决定,区政府,2021-02-01,,,,,,,,,',
        'L-BAD-3,复议,,法人,某公司,,行政处罚,某决定,区政府,2021-02-01,,,,,,判决撤销,2021-03-01,,',
        'L-BAD-4,复议,,法人,某公司,,行政处罚,某决定,区政府,2021-02-01,,,,,,,,,不存在的科室',
      ),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:收到副本日期', '3:案件类别']);
    // Parsed cleanly, then refused by the domain function (the form's check) or the unit look-up.
    const res2 = await importCsv(csv('L-BAD-1,复议,,法人,某公司,,行政处罚,某决定,区政府,2021-02-01,,,,,,判决撤销,2021-03-01,,'));
    expect(res2.ok).toBe(false);
    if (!res2.ok) expect(res2.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:审结结果']);
    const res3 = await importCsv(csv('L-BAD-1,复议,,法人,某公司,,行政处罚,某决定,区政府,2021-02-01,,,,,,,,,不存在的科室'));
    expect(res3.ok).toBe(false);
    if (!res3.ok) expect(res3.errors).toEqual([expect.objectContaining({ row: 2, column: '承办单位', message: '未知的单位：不存在的科室' })]);
    expect((await env.legal.req('GET', '/api/litigation/cases?pageSize=1')).body.data.total).toBe(before);
  });

  it('undoing an import removes the hearing it added to a case it updated, and restores the case', async () => {
    const row = (held: string, outcome: string) =>
      `L-2021-H,行政诉讼,一审,法人,广州某乙有限公司,,行政处罚,穗天水罚〔2021〕8号,广州铁路运输法院,2021-05-10,2021-05-20,${held},副职负责人,王某某,,${outcome},,水政监察大队`;
    const first = await importCsv(csv(row('2021-06-17', ',')));
    expect(first.ok, JSON.stringify(first)).toBe(true);
    const hearings = async () =>
      (await env.legal.req('GET', `/api/litigation/cases/${(await byNo('L-2021-H')).id}`)).body.data.hearings.map((h: any) => h.heldOn);
    expect(await hearings()).toEqual(['2021-06-17']);
    // The next import adds a second hearing and the outcome.
    const second = await importCsv(csv(row('2021-08-02', '驳回诉讼请求,2021-09-01')));
    expect(second, JSON.stringify(second)).toMatchObject({ ok: true, updated: 1 });
    expect(await hearings()).toEqual(['2021-06-17', '2021-08-02']);
    expect(await undoImport(env.ctx, def, (second as { importId: string }).importId)).toEqual({ deleted: 0, restored: 1 });
    expect(await hearings()).toEqual(['2021-06-17']);
    expect((await byNo('L-2021-H')).outcome ?? null).toBeNull();
    expect(await undoImport(env.ctx, def, (first as { importId: string }).importId)).toEqual({ deleted: 1, restored: 0 });
    expect(await byNo('L-2021-H')).toBeUndefined();
  });
});

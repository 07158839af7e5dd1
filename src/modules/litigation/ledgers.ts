import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { orgColumn } from '../../core/orgs.js';
import { CASE_COLUMNS, saveCases, type CaseSave } from './commands.js';
import { openIdNo } from './pii.js';
import { type CaseFilter, casesForExport, deleteImportedHearings } from './repository.js';
import { lastImport } from '../../core/persist.js';
import { ACT_KINDS, APPELLANTS, CLAIMANT_TYPES, HEAD_ROLES, INSTANCES, type CaseKind } from './schema.js';

/** 案件类别 as a bureau writes it: 复议 / 行政复议, 诉讼 / 行政诉讼 (应诉). */
const KIND_WORDS: Record<string, CaseKind> = { 复议: '复议', 行政复议: '复议', 诉讼: '诉讼', 行政诉讼: '诉讼', 应诉: '诉讼', 行政应诉: '诉讼' };
const kindOf = (v: string): CaseKind | undefined => KIND_WORDS[v.replace(/\s/g, '')];

const H = CASE_COLUMNS;

/**
 * 行政复议、行政诉讼案件台账 — one row per case (案号), the intake and what has happened since;
 * the columns are the bureau's words (`CASE_COLUMNS`, which the form's errors name too).
 */
export const litigationCasesSpec = defineLedgerSpec({
  key: 'litigation-cases',
  title: '行政复议行政诉讼案件台账',
  columns: [
    { key: 'caseNo', header: H.caseNo!, type: 'text', required: true, example: '(2022)粤7101行初1203号' },
    {
      key: 'kind',
      header: H.kind!,
      type: 'text',
      required: true,
      example: '行政诉讼',
      note: '复议（行政复议）或诉讼（行政诉讼）',
      validate: (v) => (kindOf(v) ? undefined : '应为复议（行政复议）或诉讼（行政诉讼）'),
    },
    { key: 'instance', header: H.instance!, type: 'enum', enum: INSTANCES, note: '行政诉讼案件填写；复议案件留空' },
    { key: 'claimantType', header: H.claimantType!, type: 'enum', required: true, enum: CLAIMANT_TYPES },
    { key: 'claimantName', header: H.claimantName!, type: 'text', required: true },
    { key: 'claimantIdNo', header: H.claimantIdNo!, type: 'idcard', note: '自然人可填写；加密保存' },
    { key: 'actKind', header: H.actKind!, type: 'enum', required: true, enum: ACT_KINDS },
    { key: 'actTitle', header: H.actTitle!, type: 'text', required: true, example: '穗天水罚〔2022〕12号行政处罚决定' },
    { key: 'body', header: H.body!, type: 'text', required: true, example: '广州铁路运输法院' },
    { key: 'receivedOn', header: H.receivedOn!, type: 'date', required: true, note: '收到申请书副本或起诉状副本之日，答复（答辩）期限自次日起算' },
    { key: 'replyFiledOn', header: H.replyFiledOn!, type: 'date' },
    { key: 'heldOn', header: H.heldOn!, type: 'date', note: '多次开庭的填写最近一次' },
    { key: 'headRole', header: H.headRole!, type: 'enum', enum: HEAD_ROLES },
    { key: 'headName', header: H.headName!, type: 'text' },
    { key: 'absenceReason', header: H.absenceReason!, type: 'text' },
    { key: 'firstOutcome', header: H.firstOutcome!, type: 'text', note: '二审案件填写一审裁判结果' },
    { key: 'firstOutcomeOn', header: H.firstOutcomeOn!, type: 'date' },
    { key: 'appealedOn', header: H.appealedOn!, type: 'date' },
    { key: 'appellant', header: H.appellant!, type: 'enum', enum: APPELLANTS },
    { key: 'outcome', header: H.outcome!, type: 'text', example: '驳回诉讼请求', note: '复议决定或（二审的生效）裁判结果类别' },
    { key: 'outcomeOn', header: H.outcomeOn!, type: 'date' },
    { key: 'servedOn', header: H.servedOn!, type: 'date' },
    { key: 'actChanged', header: H.actChanged!, type: 'bool', note: '调解、撤诉、终止前本局已撤销或变更原行为的填“是”（计入纠错）' },
    { key: 'rectification', header: H.rectification!, type: 'text' },
    { key: 'rectifiedOn', header: H.rectifiedOn!, type: 'date' },
    { key: 'closedOn', header: H.closedOn!, type: 'date' },
    { key: 'org', header: H.orgId!, type: 'text', note: '本局单位名称（被申请、被诉行为的承办单位）；留空为导入人所在单位' },
    { key: 'handler', header: H.handler!, type: 'text' },
    { key: 'agent', header: H.agent!, type: 'text' },
  ],
  checkRow(r) {
    const out: Array<{ key?: 'heldOn' | 'headName' | 'outcome' | 'instance'; message: string }> = [];
    if (!r.heldOn && (r.headRole || r.headName || r.absenceReason))
      out.push({ key: 'heldOn', message: '填写了出庭负责人或未出庭理由，应填写开庭（听证）日期' });
    if (kindOf(r.kind) === '复议' && r.instance) out.push({ key: 'instance', message: '行政复议案件没有审级' });
    return out;
  },
});
type Row = RowOf<typeof litigationCasesSpec>;

/**
 * Rows are matched on 案号 and saved through `saveCases` (the form's path) in historical mode: a
 * late reply or a hearing without the head's record is a finding; a bad value or an unknown unit a
 * row error naming the column. A case's link to the challenged record is kept (not a column).
 */
export const litigationCasesLedger: LedgerDef<Row> = {
  spec: litigationCasesSpec,
  readPermission: 'litigation.read',
  writePermission: 'litigation.write',
  chunked: true,
  naturalKey: { header: H.caseNo!, of: (r) => r.caseNo.trim() },
  async commit(imp, rows) {
    const { ctx } = imp;
    const errors: RowError[] = [];
    const orgIdOf = await orgColumn(ctx.db, ctx.actor.tenantId, H.orgId!, errors);
    const inputs: CaseSave[] = [];
    for (const { rowNumber, value: v } of rows) {
      const orgId = orgIdOf(rowNumber, v.org);
      if (orgId === undefined) continue;
      inputs.push({
        row: rowNumber,
        caseNo: v.caseNo,
        kind: kindOf(v.kind)!,
        instance: v.instance,
        claimantType: v.claimantType,
        claimantName: v.claimantName,
        claimantIdNo: v.claimantIdNo,
        actKind: v.actKind,
        actTitle: v.actTitle,
        body: v.body,
        receivedOn: v.receivedOn,
        replyFiledOn: v.replyFiledOn,
        hearing: v.heldOn ? { heldOn: v.heldOn, headRole: v.headRole, headName: v.headName, absenceReason: v.absenceReason } : null,
        firstOutcome: v.firstOutcome,
        firstOutcomeOn: v.firstOutcomeOn,
        appealedOn: v.appealedOn,
        appellant: v.appellant,
        outcome: v.outcome,
        outcomeOn: v.outcomeOn,
        servedOn: v.servedOn,
        actChanged: v.actChanged,
        rectification: v.rectification,
        rectifiedOn: v.rectifiedOn,
        closedOn: v.closedOn,
        orgId,
        handler: v.handler,
        agent: v.agent,
      });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const r = await saveCases({ calendar: imp.calendar }, imp.w, inputs, { mode: 'historical', imp });
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  // `filter`: the case list's filters (its export: exactly the list's rows, in its order); absent: every case in scope.
  async exportRows(ctx, filter) {
    const rows = await casesForExport(ctx, filter as CaseFilter | undefined);
    return rows.map((c) => {
      const h = c.hearings[c.hearings.length - 1];
      return {
        caseNo: c.case_no,
        kind: c.kind,
        instance: c.instance,
        claimantType: c.claimant_type,
        claimantName: c.claimant_name,
        claimantIdNo: openIdNo(c.claimant_id_no),
        actKind: c.act_kind,
        actTitle: c.act_title,
        body: c.body,
        receivedOn: c.received_on,
        replyFiledOn: c.reply_filed_on,
        heldOn: h?.held_on ?? null,
        headRole: h?.head_role ?? null,
        headName: h?.head_name ?? null,
        absenceReason: h?.absence_reason ?? null,
        firstOutcome: c.first_outcome,
        firstOutcomeOn: c.first_outcome_on,
        appealedOn: c.appealed_on,
        appellant: c.appellant,
        outcome: c.outcome,
        outcomeOn: c.outcome_on,
        servedOn: c.outcome_served_on,
        actChanged: c.outcome_act_changed,
        rectification: c.rectification,
        rectifiedOn: c.rectified_on,
        closedOn: c.closed_on,
        org: c.org_name,
        handler: c.handler,
        agent: c.agent,
      };
    });
  },
  undo: {
    table: 'lit_case',
    // The hearings the import added, to cases it updated too (the kernel then restores those cases' columns).
    async beforeDelete(w, ctx) {
      const last = await lastImport(w, ctx.actor.tenantId, litigationCasesSpec.key);
      if (last) await deleteImportedHearings(w.tx, ctx.actor.tenantId, last.id);
    },
  },
};

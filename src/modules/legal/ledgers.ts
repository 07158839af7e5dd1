import type { Ctx } from '../../core/context.js';
import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { ADVICE_KINDS } from './schema.js';
import { saveAdvice } from './commands.js';
import {
  type AdviceFilter,
  adviceForExport,
  adviceOnDates,
  type ContractFilter,
  contractsForExport,
  deleteCleanupsOf,
  type DocumentFilter,
  normativeForExport,
} from './repository.js';
import { orgColumn } from '../../core/orgs.js';
import { CLEANUP_OUTCOMES } from './rules.js';
import { NORMATIVE_COLUMNS as N, NORMATIVE_STATUS_LABELS, type NormativeSave, saveNormativeDocuments, statusLabelOf } from './normativeImport.js';

/** 法律顾问工作台账 — LEDGERS.md `legal-advice`. Rows match on 日期 + 类型 + 事项名称. */
export const legalAdviceSpec = defineLedgerSpec({
  key: 'legal-advice',
  title: '法律顾问工作台账',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'kind', header: '类型', type: 'enum', required: true, enum: ADVICE_KINDS },
    { key: 'title', header: '事项名称', type: 'text', required: true, example: '某排水管网维护服务合同' },
    { key: 'firm', header: '顾问单位', type: 'text' },
    { key: 'handler', header: '承办人', type: 'text' },
  ],
});
type Row = RowOf<typeof legalAdviceSpec>;

const keyOf = (r: { date: string; kind: string; title: string }) => `${r.date}|${r.kind}|${r.title}`;

/** Rows are matched on 日期 + 类型 + 事项名称 and saved through `saveAdvice` (the form's path). */
export const legalAdviceLedger: LedgerDef<Row> = {
  spec: legalAdviceSpec,
  readPermission: 'legal.read',
  writePermission: 'legal.write',
  chunked: true,
  naturalKey: { header: '事项名称', of: keyOf, describe: (r, prev) => ({ message: `与第${prev}行的日期、类型、事项名称相同`, value: r.title }) },
  async commit(imp, rows) {
    const { ctx } = imp;
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const prev = seen.get(keyOf(value));
      if (prev) errors.push({ row: rowNumber, column: '事项名称', message: `与第${prev}行的日期、类型、事项名称相同`, value: value.title });
      seen.set(keyOf(value), rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const dates = [...new Set(rows.map((r) => r.value.date))];
    const known = new Map((await adviceOnDates(ctx.db, ctx.actor.tenantId, dates)).map((r) => [keyOf(r), r.id]));
    const r = await saveAdvice(
      imp.w,
      ctx.actor,
      rows.map(({ rowNumber, value }) => ({
        row: rowNumber,
        id: known.get(keyOf(value)),
        date: value.date,
        kind: value.kind,
        title: value.title,
        firm: value.firm ?? null,
        handler: value.handler ?? null,
      })),
      { mode: 'historical', imp },
    );
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  // `filter`: the work-record list's filters (its export: exactly the list's rows, in its order); absent: every record in scope.
  async exportRows(ctx, filter) {
    const rows = await adviceForExport(ctx, filter as AdviceFilter | undefined);
    return rows.map((r) => ({ date: r.date, kind: r.kind, title: r.title, firm: r.firm, handler: r.handler }));
  },
  undo: { table: 'legal_advice' },
};

/**
 * 行政规范性文件登记台账 — one row per document: its number, unit, each step's date and record, its
 * validity, its latest cleanup and its repeal (docs/ledgers.md `normative-documents`).
 */
export const normativeDocumentsSpec = defineLedgerSpec({
  key: 'normative-documents',
  title: '行政规范性文件登记台账',
  columns: [
    { key: 'docNo', header: N.docNo, type: 'text', example: '天水规〔2022〕1号', note: '已公布的必填；年份为公布年份，每年一个序号' },
    { key: 'title', header: N.title, type: 'text', required: true },
    { key: 'org', header: N.org, type: 'text', note: '本局单位名称；留空为导入人所在单位' },
    { key: 'draftedOn', header: N.draftedOn, type: 'date', required: true },
    { key: 'commentFrom', header: N.commentFrom, type: 'date' },
    { key: 'commentUntil', header: N.commentUntil, type: 'date', note: '公开征求意见不少于30日（本局设置，可配置）' },
    { key: 'commentChannel', header: N.commentChannel, type: 'text', example: '区政府门户网站公开征求意见' },
    { key: 'submittedOn', header: N.submittedOn, type: 'date', note: '征求意见期限届满后送合法性审核' },
    { key: 'commentSummary', header: N.commentSummary, type: 'text' },
    { key: 'reviewedOn', header: N.reviewedOn, type: 'date' },
    { key: 'reviewResult', header: N.reviewResult, type: 'enum', enum: ['同意', '存在问题'] },
    { key: 'reviewOpinion', header: N.reviewOpinion, type: 'text' },
    { key: 'reviewer', header: N.reviewer, type: 'text' },
    { key: 'deliberatedOn', header: N.deliberatedOn, type: 'date', note: '须经合法性审核同意' },
    { key: 'deliberation', header: N.deliberation, type: 'text', example: '局长办公会议' },
    { key: 'publishedOn', header: N.publishedOn, type: 'date' },
    { key: 'validUntil', header: N.validUntil, type: 'date', note: '留空为公布之日起5年' },
    { key: 'filedOn', header: N.filedOn, type: 'date', note: '公布之日起30日内报区人民政府备案' },
    { key: 'cleanedOn', header: N.cleanedOn, type: 'date', note: '最近一次清理' },
    { key: 'cleanupOutcome', header: N.cleanupOutcome, type: 'enum', enum: CLEANUP_OUTCOMES },
    { key: 'cleanupReason', header: N.cleanupReason, type: 'text' },
    { key: 'repealedOn', header: N.repealedOn, type: 'date', note: '清理结论为“废止”的，即清理日期' },
    { key: 'repealReason', header: N.repealReason, type: 'text' },
    { key: 'status', header: N.status, type: 'enum', enum: NORMATIVE_STATUS_LABELS, note: '可留空；填写的须与所填日期相符' },
  ],
});
type NormativeRow = RowOf<typeof normativeDocumentsSpec>;

/**
 * Rows are matched on 统一编号 (an unnumbered document on 文件名称) and saved through
 * `saveNormativeDocuments`: each recorded step through its command of the document page.
 */
export const normativeDocumentsLedger: LedgerDef<NormativeRow> = {
  spec: normativeDocumentsSpec,
  readPermission: 'legal.read',
  writePermission: 'legal.documents.issue',
  async commit(imp, rows) {
    const { ctx } = imp;
    const errors: RowError[] = [];
    const orgIdOf = await orgColumn(ctx.db, ctx.actor.tenantId, N.org, errors);
    const inputs: NormativeSave[] = [];
    for (const { rowNumber, value: v } of rows) {
      const orgId = orgIdOf(rowNumber, v.org);
      if (orgId === undefined) continue;
      const { org: _o, ...rest } = v;
      inputs.push({ ...rest, row: rowNumber, orgId });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const r = await saveNormativeDocuments(imp.w, ctx.actor, inputs, { mode: 'historical', imp });
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  // `filter`: the document list's filters (its export: exactly the list's rows, in its order); absent: every normative document in scope.
  async exportRows(ctx, filter) {
    const today = ctx.clock.today();
    const rows = await normativeForExport(ctx, filter as DocumentFilter | undefined);
    return rows.map((d) => ({
      docNo: d.doc_no,
      title: d.title,
      org: d.org_name,
      draftedOn: d.drafted_on ?? d.submitted_on,
      commentFrom: d.comment_from,
      commentUntil: d.comment_until,
      commentChannel: d.comment_channel,
      submittedOn: d.status === 'drafting' || d.status === 'commenting' ? null : d.submitted_on,
      commentSummary: d.comment_summary,
      reviewedOn: d.reviewed_on,
      reviewResult: d.review_result,
      reviewOpinion: d.review_opinion,
      reviewer: d.reviewer,
      deliberatedOn: d.deliberated_on,
      deliberation: d.deliberation,
      publishedOn: d.status === 'published' || d.status === 'repealed' ? d.issued_on : null,
      validUntil: d.valid_until,
      filedOn: d.filed_on,
      cleanedOn: d.cleaned_on ?? null,
      cleanupOutcome: d.cleanup_outcome ?? null,
      cleanupReason: d.cleanup_reason ?? null,
      repealedOn: d.repealed_on,
      repealReason: d.repeal_reason,
      status: statusLabelOf(d, today),
    }));
  },
  undo: {
    table: 'legal_document',
    async beforeDelete(w, ctx, createdIds) {
      await deleteCleanupsOf(w.tx, ctx.actor.tenantId, createdIds);
    },
  },
};

/**
 * 常年法律顾问合同 — the contract list's export (issue 14 item 4): the list's columns. Not a ledger (no
 * import: a contract is registered through its form), so not among /api/ledgers.
 */
export const legalContractsSpec = defineLedgerSpec({
  key: 'legal-contracts',
  title: '常年法律顾问合同',
  columns: [
    { key: 'contractNo', header: '合同编号', type: 'text', required: true },
    { key: 'firm', header: '顾问单位', type: 'text', required: true },
    { key: 'startOn', header: '起始日期', type: 'date', required: true },
    { key: 'endOn', header: '截止日期', type: 'date', required: true },
    { key: 'fee', header: '合同金额（元）', type: 'money' },
    { key: 'lawyers', header: '顾问律师', type: 'text' },
    { key: 'procurement', header: '采购方式', type: 'text' },
  ],
});

/** The filtered contracts as rows of {@link legalContractsSpec}, in the list's order. */
export async function contractExportRows(ctx: Ctx, f: ContractFilter): Promise<RowOf<typeof legalContractsSpec>[]> {
  const rows = await contractsForExport(ctx, f);
  return rows.map((c) => ({
    contractNo: c.contract_no,
    firm: c.firm,
    startOn: c.start_on,
    endOn: c.end_on,
    fee: c.fee_fen == null ? null : Number(c.fee_fen),
    lawyers: c.lawyers,
    procurement: c.procurement,
  }));
}

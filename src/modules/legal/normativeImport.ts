/**
 * 行政规范性文件登记台账 — a document as a ledger row records it, taken through the same steps as
 * the document page: each recorded step (its date filled) is the step's command of events.ts
 * (`DOCUMENT_EVENT_COMMANDS`), allowed by the `legal.document` workflow on that day as the legal
 * office takes it (`requireDocumentStep`), then its pure `apply`. So an imported document in force
 * has been commented on for the configured period, reviewed 同意, deliberated and published in that
 * order, with each date not before the one it follows — or the row is refused naming the column.
 *
 * What the form's shared part does beside `apply` is done here for a whole file at once: the 统一编号
 * is the file's (its year the publication's; one number per year and sequence, checked against the
 * file and the stored documents), the cleanup's row is added once, the deadlines are tracked.
 */
import { AppError } from '../../core/errors.js';
import type { Actor } from '../../core/context.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import type { WriteScope } from '../../core/audit/audit.js';
import type { RowError, WriteOrigin } from '../../core/ledger/ledger.js';
import { persist, type AnyRow, type SaveResult } from '../../core/persist.js';
import { ownerOrgForCreate } from '../../core/scope.js';
import { type DocRow, type DocumentStep, documentEventCommand, validUntilOf } from './events.js';
import { CLEANUP_OUTCOMES, type CleanupOutcome, MAX_VALID_YEARS, normativeStatus, parseDocNo, REVIEW_CHECKLIST } from './rules.js';
import { DOCUMENT_STAGES, type DocumentStage, documentFacts, requireDocumentStep } from './workflow.js';
import { validYears } from './presenters.js';
import { trackNormative } from './commands.js';
import { cleanupsOfDocuments, insertCleanup, normativeByNosOrTitles, numbersOfYears } from './repository.js';

/** The ledger's columns by field (a row error names the column). */
export const NORMATIVE_COLUMNS = {
  docNo: '统一编号',
  title: '文件名称',
  org: '起草单位',
  draftedOn: '起草日期',
  commentFrom: '征求意见起始日期',
  commentUntil: '征求意见截止日期',
  commentChannel: '征求意见方式',
  submittedOn: '送审日期',
  commentSummary: '意见采纳情况',
  reviewedOn: '合法性审核日期',
  reviewResult: '合法性审核意见',
  reviewOpinion: '审核意见内容',
  reviewer: '审核人',
  deliberatedOn: '集体审议日期',
  deliberation: '审议会议',
  publishedOn: '公布日期',
  validUntil: '有效期至',
  filedOn: '备案日期',
  cleanedOn: '清理日期',
  cleanupOutcome: '清理结论',
  cleanupReason: '清理理由',
  repealedOn: '废止日期',
  repealReason: '废止理由',
  status: '状态',
} as const;
const C = NORMATIVE_COLUMNS;

/** 状态 as the ledger writes it: the stage before publication, then 现行有效 / 已失效 / 已废止. */
export const NORMATIVE_STATUS_LABELS = ['起草中', '公开征求意见', '待审查', '已审查', '已集体审议', '现行有效', '已失效', '已废止'] as const;
export type NormativeStatusLabel = (typeof NORMATIVE_STATUS_LABELS)[number];

/** The 状态 of a document on a day. */
export function statusLabelOf(r: { status: DocumentStage; repealed_on?: string | null; valid_until?: string | null }, today: string): NormativeStatusLabel {
  if (r.status === 'published' || r.status === 'repealed')
    return normativeStatus({ repealedOn: (r.repealed_on ?? null) as string | null, validUntil: (r.valid_until ?? null) as string | null }, today);
  return DOCUMENT_STAGES[r.status] as NormativeStatusLabel;
}

/** A document as a ledger row records it (every step recorded so far). */
export interface NormativeSave {
  row?: number;
  docNo?: string | null;
  title: string;
  /** The drafting unit's id (resolved from its name by the ledger); null: the importer's unit. */
  orgId?: string | null;
  draftedOn: string;
  commentFrom?: string | null;
  commentUntil?: string | null;
  commentChannel?: string | null;
  submittedOn?: string | null;
  commentSummary?: string | null;
  reviewedOn?: string | null;
  reviewResult?: string | null;
  reviewOpinion?: string | null;
  reviewer?: string | null;
  deliberatedOn?: string | null;
  deliberation?: string | null;
  publishedOn?: string | null;
  validUntil?: string | null;
  filedOn?: string | null;
  cleanedOn?: string | null;
  cleanupOutcome?: string | null;
  cleanupReason?: string | null;
  repealedOn?: string | null;
  repealReason?: string | null;
  status?: string | null;
}

/** A step of a row: the command, its input built from the row, and the columns its fields are in. */
interface RowStep {
  step: DocumentStep;
  on: string;
  input: Record<string, unknown>;
  columns: Record<string, string>;
}

const filled = (v: string | null | undefined) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const allPassed = Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, true]));

/** A refusal located on a column (pure; the row is added by the caller). */
export class RowRefusal extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** The steps a row records, in the lifecycle's order (a cleanup and a repeal by their dates). */
function stepsOf(s: NormativeSave): RowStep[] {
  const out: RowStep[] = [];
  const need = (date: string | null | undefined, fields: Array<[keyof NormativeSave, string]>, dateColumn: string) => {
    if (filled(date)) return true;
    const stray = fields.find(([k]) => filled(s[k] as string | null | undefined));
    if (stray) throw new RowRefusal(dateColumn, `填写了“${stray[1]}”，应同时填写“${dateColumn}”`);
    return false;
  };
  if (
    need(
      s.commentFrom,
      [
        ['commentUntil', C.commentUntil],
        ['commentChannel', C.commentChannel],
      ],
      C.commentFrom,
    )
  )
    out.push({
      step: 'comment',
      on: s.commentFrom!,
      input: { from: s.commentFrom, until: filled(s.commentUntil), channel: s.commentChannel ?? '' },
      columns: { from: C.commentFrom, until: C.commentUntil, channel: C.commentChannel },
    });
  if (need(s.submittedOn, [['commentSummary', C.commentSummary]], C.submittedOn))
    out.push({
      step: 'submit',
      on: s.submittedOn!,
      input: { submittedOn: s.submittedOn, commentSummary: s.commentSummary ?? '' },
      columns: { submittedOn: C.submittedOn, commentSummary: C.commentSummary },
    });
  if (
    need(
      s.reviewedOn,
      [
        ['reviewResult', C.reviewResult],
        ['reviewOpinion', C.reviewOpinion],
        ['reviewer', C.reviewer],
      ],
      C.reviewedOn,
    )
  ) {
    if (!filled(s.reviewResult)) throw new RowRefusal(C.reviewResult, `填写了“${C.reviewedOn}”，应同时填写“${C.reviewResult}”（同意或存在问题）`);
    out.push({
      step: 'review',
      on: s.reviewedOn!,
      input: { reviewedOn: s.reviewedOn, result: s.reviewResult, opinion: s.reviewOpinion ?? '', reviewer: filled(s.reviewer), checklist: allPassed },
      columns: { reviewedOn: C.reviewedOn, result: C.reviewResult, opinion: C.reviewOpinion, reviewer: C.reviewer, checklist: C.reviewResult },
    });
  }
  if (need(s.deliberatedOn, [['deliberation', C.deliberation]], C.deliberatedOn))
    out.push({
      step: 'deliberate',
      on: s.deliberatedOn!,
      input: { deliberatedOn: s.deliberatedOn, meeting: s.deliberation ?? '' },
      columns: { deliberatedOn: C.deliberatedOn, meeting: C.deliberation },
    });
  if (
    need(
      s.publishedOn,
      [
        ['validUntil', C.validUntil],
        ['docNo', C.docNo],
        ['filedOn', C.filedOn],
      ],
      C.publishedOn,
    )
  ) {
    const on = s.publishedOn!;
    let years = MAX_VALID_YEARS;
    if (filled(s.validUntil)) {
      if (s.validUntil! <= on) throw new RowRefusal(C.validUntil, `有效期至${s.validUntil}应晚于公布日期${on}`);
      years = validYears(on, s.validUntil!);
    }
    out.push({
      step: 'publish',
      on,
      input: { publishedOn: on, numberPrefix: null, validYears: years },
      columns: { publishedOn: C.publishedOn, validYears: C.validUntil, numberPrefix: C.docNo },
    });
  }
  if (need(s.filedOn, [], C.filedOn)) out.push({ step: 'file', on: s.filedOn!, input: { filedOn: s.filedOn }, columns: { filedOn: C.filedOn } });
  const ends: RowStep[] = [];
  const outcome = filled(s.cleanupOutcome);
  if (
    need(
      s.cleanedOn,
      [
        ['cleanupOutcome', C.cleanupOutcome],
        ['cleanupReason', C.cleanupReason],
      ],
      C.cleanedOn,
    )
  ) {
    if (!outcome) throw new RowRefusal(C.cleanupOutcome, `填写了“${C.cleanedOn}”，应同时填写“${C.cleanupOutcome}”（${CLEANUP_OUTCOMES.join('、')}）`);
    ends.push({
      step: 'clean',
      on: s.cleanedOn!,
      input: { cleanedOn: s.cleanedOn, outcome, reason: s.cleanupReason ?? '' },
      columns: { cleanedOn: C.cleanedOn, outcome: C.cleanupOutcome, reason: C.cleanupReason },
    });
  }
  const repealedOn = filled(s.repealedOn);
  if (outcome === '废止') {
    // Repealed by the cleanup: the 废止 columns follow from it.
    if (repealedOn && repealedOn !== s.cleanedOn) throw new RowRefusal(C.repealedOn, `清理结论为“废止”的，废止日期应为清理日期${s.cleanedOn}`);
  } else if (need(s.repealedOn, [['repealReason', C.repealReason]], C.repealedOn))
    ends.push({
      step: 'repeal',
      on: repealedOn!,
      input: { repealedOn, reason: s.repealReason ?? '' },
      columns: { repealedOn: C.repealedOn, reason: C.repealReason },
    });
  out.push(...ends.sort((a, b) => a.on.localeCompare(b.on)));
  return out;
}

/** A blank normative document, as 起草 makes it. */
function draftRow(s: NormativeSave): DocRow {
  const none = Object.fromEntries(
    ['reviewed_on', 'review_result', 'comment_from', 'comment_until', 'deliberated_on', 'issued_on', 'filed_on', 'valid_until', 'repealed_on', 'doc_year'].map(
      (k) => [k, null],
    ),
  );
  return { ...none, kind: '规范性文件', title: s.title.trim(), status: 'drafting', submitted_on: s.draftedOn, drafted_on: s.draftedOn } as unknown as DocRow;
}

/** The columns of the document a row records, as the steps leave them. */
export interface ReplayedDocument {
  values: Record<string, unknown>;
  /** 统一编号 and its parts (a published document). */
  number: { docNo: string; year: number; seq: number } | null;
  cleanup: { cleaned_on: string; outcome: CleanupOutcome; reason: string } | null;
}

/**
 * Takes a row through the document's steps (pure): the columns the document ends with, or a
 * {@link RowRefusal} naming the column of the first step (or field) refused.
 */
export function replayNormative(s: NormativeSave, f: { calendar: WorkCalendar; today: string }): ReplayedDocument {
  const title = filled(s.title);
  if (!title) throw new RowRefusal(C.title, '文件名称不能为空');
  if (title.length > 300) throw new RowRefusal(C.title, '文件名称过长（不超过300字）');
  if (!filled(s.draftedOn)) throw new RowRefusal(C.draftedOn, '起草日期不能为空');
  let row = draftRow({ ...s, title });
  let cleanup: ReplayedDocument['cleanup'] = null;
  for (const st of stepsOf(s)) {
    const command = documentEventCommand(st.step);
    const label = command.date.label;
    try {
      const event = command.event({ ...st.input, version: 0 });
      const t = requireDocumentStep(['legal'], row.status, event, documentFacts(row, st.on));
      const changes = command.apply({ row, on: st.on, actorName: '', calendar: f.calendar }, { ...st.input, version: 0 });
      row = { ...row, ...(t.to ? { status: t.to } : {}), ...changes.set } as DocRow;
      if (changes.cleanup) cleanup = changes.cleanup;
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      const column = (e.field && (st.columns[e.field] ?? st.columns[e.field.split('.')[0]!])) || st.columns[command.date.field] || label;
      throw new RowRefusal(column, e.status === 422 ? `${label}${st.on}：${e.message}` : e.message);
    }
  }
  const published = row.status === 'published' || row.status === 'repealed';
  const docNo = filled(s.docNo);
  let number: ReplayedDocument['number'] = null;
  if (published) {
    if (!docNo) throw new RowRefusal(C.docNo, '已公布的行政规范性文件应填写统一编号（统一登记、统一编号、统一印发）');
    const p = parseDocNo(docNo);
    if (!p || p.seq < 1 || p.prefix.length > 20 || /[〔〕]/.test(p.prefix))
      throw new RowRefusal(C.docNo, `统一编号“${docNo}”应为“文号前缀〔年份〕序号号”，如“天水规〔2022〕1号”`);
    if (p.year !== row.doc_year) throw new RowRefusal(C.docNo, `统一编号的年份${p.year}应为公布年份${row.doc_year}`);
    number = { docNo, year: p.year, seq: p.seq };
    const until = filled(s.validUntil);
    if (until && until !== row.valid_until)
      throw new RowRefusal(
        C.validUntil,
        `有效期至应为公布之日起1至${MAX_VALID_YEARS}年的对应日（如${validUntilOf(row.issued_on!, MAX_VALID_YEARS, f.calendar)}）`,
      );
  }
  const status = statusLabelOf(row, f.today);
  const given = filled(s.status);
  if (given && given !== status) throw new RowRefusal(C.status, `按所填日期，状态应为“${status}”，不是“${given}”`);
  const v = row as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = {
    kind: '规范性文件',
    title,
    status: row.status,
    submitted_on: v.submitted_on,
    drafted_on: v.drafted_on,
    comment_from: v.comment_from ?? null,
    comment_until: v.comment_until ?? null,
    comment_channel: v.comment_channel ?? null,
    comment_summary: v.comment_summary ?? null,
    reviewed_on: v.reviewed_on ?? null,
    review_result: v.review_result ?? null,
    review_opinion: v.review_opinion ?? null,
    reviewer: v.reviewer || null,
    // A review of 同意 passed every point; the file does not say which points a 存在问题 failed.
    review_checklist: v.review_result === '同意' ? JSON.stringify(allPassed) : null,
    deliberated_on: v.deliberated_on ?? null,
    deliberation: v.deliberation ?? null,
    issued_on: v.issued_on ?? null,
    doc_no: number?.docNo ?? null,
    doc_year: number?.year ?? null,
    doc_seq: number?.seq ?? null,
    filing_due: v.filing_due ?? null,
    filed_on: v.filed_on ?? null,
    valid_until: v.valid_until ?? null,
    repealed_on: v.repealed_on ?? null,
    repeal_reason: v.repeal_reason ?? null,
  };
  return { values, number, cleanup };
}

export const NORMATIVE_ENTITY = 'legal.document';

const auditView = (r: AnyRow): Record<string, unknown> =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !['tenant_id', 'id', 'version', 'created_at', 'updated_at', 'review_checklist'].includes(k)));

/**
 * Saves normative documents as ledger rows record them (historical: provenance, no per-record
 * events): matched on 统一编号, else (a document not yet numbered) on 文件名称 among the unnumbered;
 * a row any step refuses, a number taken by another document of that year or given twice is a row
 * error naming the column, and nothing is written. A known document keeps its unit and, while its
 * review's result is the same, its checklist; a cleanup not yet recorded is added; the 备案 and
 * expiry deadlines of each published document written are tracked.
 */
export async function saveNormativeDocuments(w: WriteScope, actor: Actor, inputs: ReadonlyArray<NormativeSave>, origin: WriteOrigin): Promise<SaveResult> {
  const ctx = w.ctx;
  const errs: RowError[] = [];
  const fail = (s: NormativeSave, column: string, message: string) => errs.push({ row: s.row ?? 0, column, message });
  const replayed: Array<{ s: NormativeSave; r: ReplayedDocument }> = [];
  for (const s of inputs) {
    try {
      replayed.push({ s, r: replayNormative(s, { calendar: ctx.calendar, today: ctx.clock.today() }) });
    } catch (e) {
      if (e instanceof RowRefusal) fail(s, e.column, e.message);
      else if (e instanceof AppError && e.status < 500) fail(s, C.title, e.message);
      else throw e;
    }
  }
  const nos = replayed.flatMap((x) => (x.r.number ? [x.r.number.docNo] : []));
  const known = await normativeByNosOrTitles(w.tx, actor.tenantId, {
    nos,
    titles: replayed.map((x) => x.r.values.title as string),
  });
  const byNo = new Map(known.filter((k) => k.doc_no).map((k) => [k.doc_no!, k]));
  const unnumbered = new Map(known.filter((k) => !k.doc_no).map((k) => [k.title, k]));
  const taken = await numbersOfYears(w.tx, actor.tenantId, [...new Set(replayed.flatMap((x) => (x.r.number ? [x.r.number.year] : [])))]);
  const inFile = new Map<string, number>();
  const seenKey = new Map<string, number>();
  const items: Array<{ s: NormativeSave; r: ReplayedDocument; old?: (typeof known)[number] }> = [];
  for (const { s, r } of replayed) {
    const title = r.values.title as string;
    const key = r.number ? `no:${r.number.docNo}` : `title:${title}`;
    const prev = seenKey.get(key);
    if (prev) {
      fail(s, r.number ? C.docNo : C.title, r.number ? `与第${prev}行的统一编号相同` : `与第${prev}行的文件名称相同`);
      continue;
    }
    seenKey.set(key, s.row ?? 0);
    const old = (r.number ? byNo.get(r.number.docNo) : undefined) ?? unnumbered.get(title);
    if (r.number) {
      const pair = `${r.number.year}|${r.number.seq}`;
      const other = taken.find((t) => t.doc_year === r.number!.year && t.doc_seq === r.number!.seq && t.id !== old?.id);
      if (other) {
        fail(s, C.docNo, `${r.number.year}年第${r.number.seq}号已由《${other.title}》（${other.doc_no}）使用，统一编号每年一个序号`);
        continue;
      }
      const again = inFile.get(pair);
      if (again) {
        fail(s, C.docNo, `与第${again}行同为${r.number.year}年第${r.number.seq}号，统一编号每年一个序号`);
        continue;
      }
      inFile.set(pair, s.row ?? 0);
    }
    items.push({ s, r, old });
  }
  if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs, ids: [] };
  const rows: Array<{ row?: number; old?: AnyRow; values: Record<string, unknown> }> = [];
  for (const { s, r, old } of items) {
    const values = { ...r.values };
    if (old && old.review_result === values.review_result) delete values.review_checklist;
    let orgId = old?.org_id;
    if (!orgId) {
      try {
        orgId = await ownerOrgForCreate({ db: w.tx, actor }, s.orgId ?? null, '起草单位');
      } catch (e) {
        if (!(e instanceof AppError) || e.status >= 500) throw e;
        fail(s, C.org, e.message);
        continue;
      }
    }
    rows.push({ row: s.row, old, values: { ...values, org_id: orgId } });
  }
  if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs, ids: [] };
  const p = await persist<Record<string, unknown>, DocRow>(ctx, w, origin, { table: 'legal_document', entity: NORMATIVE_ENTITY, items: rows, view: auditView });
  const cleanups = await cleanupsOfDocuments(
    w.tx,
    actor.tenantId,
    p.rows.map((d) => d.id),
  );
  for (const [i, it] of items.entries()) {
    const doc = p.rows[i]!;
    const c = it.r.cleanup;
    if (c && !cleanups.some((x) => x.document_id === doc.id && x.cleaned_on === c.cleaned_on && x.outcome === c.outcome))
      await insertCleanup(w.tx, { tenant_id: actor.tenantId, org_id: doc.org_id, document_id: doc.id, ...c });
    if (p.actions[i] === 'unchanged' || !doc.issued_on || !doc.valid_until) continue;
    await trackNormative(w, doc, {
      issuedOn: doc.issued_on,
      validYears: validYears(doc.issued_on, doc.valid_until),
      filedOn: doc.filed_on ?? null,
      cleanedOn: c?.cleaned_on ?? doc.repealed_on ?? null,
    });
  }
  return { created: p.created, updated: p.updated, unchanged: p.unchanged, errors: [], ids: p.rows.map((r) => r.id) };
}

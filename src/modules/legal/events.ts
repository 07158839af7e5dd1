/**
 * 送审文件的环节 — each step of a document under legality review (合法性审查, 印发 / 决策) and of the
 * normative-document lifecycle (公开征求意见 → 送合法性审核 → 集体审议 → 统一编号公布 → 备案 → 清理 /
 * 废止, 国办发〔2018〕37号) as its own small command: the TypeBox schema of its input (the version
 * read and the step's own fields, nothing else; the route validates the body with it), the date
 * field the workflow's guards judge on, and a pure `apply(facts, input)` holding that step's rules
 * and returning the changes to the document.
 *
 * What every step shares — the date checked, the document loaded in scope and locked, the
 * workflow's transition for the actor's roles on that date (`legal.document`, 422 naming why not),
 * the versioned update (409 on a stale version) and its audit event, the transition's effects
 * (tracked deadlines) — runs once, in `applyDocumentEvent` (commands.ts); the look-ups a step
 * asks for in its changes (统一编号: the prefix used last and the next number of the year, under
 * the year's lock; 清理: the cleanup's row) are done there.
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { errors } from '../../core/errors.js';
import { check, IsoDate } from '../../core/input.js';
import { OneOf, Opt, OptText } from '../../core/schemas.js';
import type { getDocument } from './repository.js';
import { CLEANUP_OUTCOMES, type CleanupOutcome, checklistProblems, commentPeriodProblems, MAX_VALID_YEARS, NORMATIVE_RULES } from './rules.js';
import type { LegalTables } from './schema.js';
import type { DocumentEvent } from './workflow.js';

/** A document as a step loads it (in scope). */
export type DocRow = NonNullable<Awaited<ReturnType<typeof getDocument>>>;

/** What a step's `apply` reads: the document as loaded, the step's date, the actor's name and the calendar. */
export interface DocumentEventFacts {
  row: DocRow;
  /** The step's date (checked before the document is loaded; the guards judged on it). */
  on: string;
  /** Who records the step (a review's reviewer when none is named). */
  actorName: string;
  calendar: WorkCalendar;
}

/** What a step changes. */
export interface DocumentChanges {
  set: Updateable<LegalTables['legal_document']>;
  /** 统一编号: the shared part gives the next number of `year` with the prefix given, or (null) the one used last. */
  number?: { prefix: string | null; year: number };
  /** 清理: the cleanup's decision, recorded beside the document. */
  cleanup?: { cleaned_on: string; outcome: CleanupOutcome; reason: string };
  /** What the audit event notes beside the changed fields. */
  note?: Record<string, unknown>;
}

const VERSION = { version: Type.Integer() };

export interface DocumentEventCommand<P extends TProperties = TProperties> {
  /** The body the route accepts: `version` and the step's own fields, nothing else. */
  input: TObject<P & typeof VERSION>;
  /** The workflow event the step is (清理 to 废止 is the repeal event). */
  event: (input: Static<TObject<P & typeof VERSION>>) => DocumentEvent;
  /** The audit verb (`legal.document.<verb>`). */
  verb: (input: Static<TObject<P & typeof VERSION>>) => string;
  /** The input field holding the step's date, and its label. */
  date: { field: keyof P & string; label: string };
  apply(f: DocumentEventFacts, input: Static<TObject<P & typeof VERSION>>): DocumentChanges;
}

function step<P extends TProperties>(
  fields: P,
  c: Omit<DocumentEventCommand<P>, 'input' | 'event' | 'verb'> & {
    event: DocumentEvent | DocumentEventCommand<P>['event'];
    verb: string | DocumentEventCommand<P>['verb'];
  },
): DocumentEventCommand<P> {
  const { event, verb } = c;
  return {
    ...c,
    input: Type.Object({ ...fields, ...VERSION }, { additionalProperties: false }),
    event: typeof event === 'function' ? event : () => event,
    verb: typeof verb === 'function' ? verb : () => verb,
  };
}

// ── Input fields (as the document page's forms send them) ──

const Str = (maxLength: number) => Type.String({ maxLength });

// ── Field checks: each refusal names the field ──

/** Trimmed non-empty text of at most `max` characters, or a 400 naming the field. */
export function text(field: string, v: unknown, label: string, max = 200): string {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
}
/** Trimmed text, or null when empty. */
export const opt = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
/** A real YYYY-MM-DD day, or a 400 naming the field: the kernel's date check. */
const day = (field: string, v: unknown, label: string) => check.date(field, label, v, { required: true }) as string;
/** Refuses the step's date before an earlier step's (when there is one). */
const notBefore = (field: string, label: string, on: string, earlier: { date: string | null | undefined; label: string }) => {
  if (earlier.date && on < earlier.date) throw errors.validation(field, `${label}不能早于${earlier.label}`);
};

/** A document's validity end: `years` years after publication (the kernel's month arithmetic). */
export const validUntilOf = (on: string, years: number, calendar: WorkCalendar) =>
  computeDeadline({ rule: { ...NORMATIVE_RULES.validity, n: years * 12 }, start: on }, calendar).due;

/** Every step of a document: its input, its event and what it changes (keyed by the route's step). */
export const DOCUMENT_EVENT_COMMANDS = {
  /** 合法性审查 — the legal office's written opinion: 同意 or 存在问题; for a normative document every point of its checklist. */
  review: step(
    {
      reviewedOn: IsoDate,
      result: OneOf(['同意', '存在问题']),
      opinion: Str(4000),
      reviewer: OptText(100),
      checklist: Opt(Type.Record(Type.String({ maxLength: 40 }), Type.Boolean())),
    },
    {
      event: 'review',
      verb: 'reviewed',
      date: { field: 'reviewedOn', label: '审查日期' },
      apply: (f, i) => {
        if (i.result !== '同意' && i.result !== '存在问题') throw errors.validation('result', '审查结论应为“同意”或“存在问题”');
        const opinion = text('opinion', i.opinion, '审查意见', 4000);
        notBefore('reviewedOn', '审查日期', f.on, { date: f.row.submitted_on, label: '送审日期' });
        const normative = f.row.kind === '规范性文件';
        if (normative) {
          const p = checklistProblems(i.result, i.checklist);
          if (p.length) throw errors.validation(p[0]!.field, p[0]!.message);
        }
        return {
          set: {
            reviewed_on: f.on,
            review_result: i.result,
            review_opinion: opinion,
            reviewer: opt(i.reviewer) ?? f.actorName,
            review_checklist: normative ? JSON.stringify(i.checklist) : null,
          },
        };
      },
    },
  ),
  /** 印发 / 决策 — a decision or 三重一大 matter, after a review that found the draft lawful (the workflow's guards). */
  issue: step(
    { issuedOn: IsoDate, docNo: OptText(100) },
    {
      event: 'issue',
      verb: 'issued',
      date: { field: 'issuedOn', label: '印发（决策）日期' },
      apply: (f, i) => {
        notBefore('issuedOn', '印发（决策）日期', f.on, { date: f.row.reviewed_on, label: '审查日期' });
        return { set: { issued_on: f.on, doc_no: opt(i.docNo) } };
      },
    },
  ),
  /** 公开征求意见 — the draft published for comment from `from` to `until` (at least the configured 30 days). */
  comment: step(
    { from: IsoDate, until: IsoDate, channel: Str(300) },
    {
      event: 'openComment',
      verb: 'comment_opened',
      date: { field: 'from', label: '征求意见起始日期' },
      apply: (f, i) => {
        const until = day('until', i.until, '征求意见截止日期');
        const channel = text('channel', i.channel, '征求意见方式', 300);
        const p = commentPeriodProblems(f.on, until);
        if (p.length) throw errors.validation('until', p[0]!);
        notBefore('from', '征求意见起始日期', f.on, { date: f.row.drafted_on, label: '起草日期' });
        return { set: { comment_from: f.on, comment_until: until, comment_channel: channel } };
      },
    },
  ),
  /** 送合法性审核 — after the comment period (the workflow's guard), with how the comments were taken (采纳情况). */
  submit: step(
    { submittedOn: IsoDate, commentSummary: Str(4000) },
    {
      event: 'submit',
      verb: 'submitted',
      date: { field: 'submittedOn', label: '送审日期' },
      apply: (f, i) => ({ set: { submitted_on: f.on, comment_summary: text('commentSummary', i.commentSummary, '意见采纳情况', 4000) } }),
    },
  ),
  /** 集体审议 — the leadership's meeting decides the document (after a review of 同意: the workflow's guards). */
  deliberate: step(
    { deliberatedOn: IsoDate, meeting: Str(300) },
    {
      event: 'deliberate',
      verb: 'deliberated',
      date: { field: 'deliberatedOn', label: '审议日期' },
      apply: (f, i) => {
        const meeting = text('meeting', i.meeting, '审议会议', 300);
        notBefore('deliberatedOn', '审议日期', f.on, { date: f.row.reviewed_on, label: '合法性审核日期' });
        return { set: { deliberated_on: f.on, deliberation: meeting } };
      },
    },
  ),
  /**
   * 统一编号公布 — the document takes the next number of the publication year's series
   * (`<prefix>〔year〕n号`; the prefix the bureau used last unless given), its validity (default 5
   * years, at most 5) and its 备案 deadline (30 days).
   */
  publish: step(
    { publishedOn: IsoDate, numberPrefix: OptText(20), validYears: Opt(Type.Integer({ minimum: 1, maximum: 5 })) },
    {
      event: 'publish',
      verb: 'published',
      date: { field: 'publishedOn', label: '公布日期' },
      apply: (f, i) => {
        const years = i.validYears ?? MAX_VALID_YEARS;
        if (!Number.isInteger(years) || years < 1 || years > MAX_VALID_YEARS) throw errors.validation('validYears', `有效期应为1至${MAX_VALID_YEARS}年`);
        notBefore('publishedOn', '公布日期', f.on, { date: f.row.deliberated_on, label: '集体审议日期' });
        const prefix = opt(i.numberPrefix);
        if (prefix && (prefix.length > 20 || /[〔〕]/.test(prefix))) throw errors.validation('numberPrefix', '文号前缀不超过20字，且不含“〔〕”');
        const year = Number(f.on.slice(0, 4));
        return {
          set: {
            issued_on: f.on,
            doc_year: year,
            filing_due: computeDeadline({ rule: NORMATIVE_RULES.filing, start: f.on }, f.calendar).due,
            valid_until: validUntilOf(f.on, years, f.calendar),
          },
          number: { prefix, year },
        };
      },
    },
  ),
  /** 备案 — filed with the district government (on time or late, as recorded); the tracked filing deadline closes. */
  file: step(
    { filedOn: IsoDate },
    {
      event: 'file',
      verb: 'filed',
      date: { field: 'filedOn', label: '报送备案日期' },
      apply: (f) => {
        notBefore('filedOn', '报送备案日期', f.on, { date: f.row.issued_on, label: '公布日期' });
        return { set: { filed_on: f.on } };
      },
    },
  ),
  /**
   * 清理 — the periodic cleanup's decision with its date and reason: 继续有效 and 修改 keep the document in
   * force (修改 is then drafted as a new document); 废止 repeals it (the repeal event). Recorded in
   * `legal_document_cleanup` and noted on the audit event; the reminder before expiry closes.
   */
  clean: step(
    { cleanedOn: IsoDate, outcome: OneOf(CLEANUP_OUTCOMES), reason: Str(2000) },
    {
      event: (i) => (i.outcome === '废止' ? 'repeal' : 'clean'),
      verb: (i) => (i.outcome === '废止' ? 'repealed' : 'cleaned'),
      date: { field: 'cleanedOn', label: '清理日期' },
      apply: (f, i) => {
        if (!CLEANUP_OUTCOMES.includes(i.outcome)) throw errors.validation('outcome', `清理结论应为：${CLEANUP_OUTCOMES.join('、')}`);
        const reason = text('reason', i.reason, '清理理由', 2000);
        notBefore('cleanedOn', '清理日期', f.on, { date: f.row.issued_on, label: '公布日期' });
        return {
          set: i.outcome === '废止' ? { repealed_on: f.on, repeal_reason: `清理：${reason}` } : {},
          cleanup: { cleaned_on: f.on, outcome: i.outcome, reason },
          note: { cleanedOn: f.on, outcome: i.outcome, reason },
        };
      },
    },
  ),
  /** 废止 — repealed outside a cleanup, with its date and reason; the reminder before expiry closes. */
  repeal: step(
    { repealedOn: IsoDate, reason: Str(2000) },
    {
      event: 'repeal',
      verb: 'repealed',
      date: { field: 'repealedOn', label: '废止日期' },
      apply: (f, i) => {
        const reason = text('reason', i.reason, '废止理由', 2000);
        notBefore('repealedOn', '废止日期', f.on, { date: f.row.issued_on, label: '公布日期' });
        return { set: { repealed_on: f.on, repeal_reason: reason } };
      },
    },
  ),
};

/** A document step (the route's path segment). */
export type DocumentStep = keyof typeof DOCUMENT_EVENT_COMMANDS;

/** The input of a step (its schema's static type). */
export type DocumentEventInput<S extends DocumentStep> = Static<(typeof DOCUMENT_EVENT_COMMANDS)[S]['input']>;

/** A step's command, typed loosely for the shared part (the route validated the input with its schema). */
export function documentEventCommand(s: DocumentStep): DocumentEventCommand<TProperties> {
  return DOCUMENT_EVENT_COMMANDS[s] as unknown as DocumentEventCommand<TProperties>;
}

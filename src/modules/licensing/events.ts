/**
 * 办件环节 — each event of the `licensing.permit` workflow as its own small command: the
 * TypeBox schema of its input (the version read and the step's own fields, nothing else; the
 * route validates the body with it) and a pure `apply(facts, input)` holding that step's rules
 * and returning the changes to the case. What every step shares — the case loaded in scope,
 * the workflow's `requireTransition`, the versioned update and its audit event, the
 * transition's effects (tracked deadlines, 双公示) — runs once, in `applyPermitEvent`
 * (commands.ts); the one look-up a step may need (the next decision number) is asked for in
 * the changes and done there.
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { check, IsoDate } from '../../core/input.js';
import { errors } from '../../core/errors.js';
import { OptText } from '../../core/schemas.js';
import type { PermitRow } from './repository.js';
import { checkCorrectionNotice, checkExtension, checkPause, clockStart, decisionDeadlines, pausesOf } from './rules.js';
import type { LicensingTables } from './schema.js';
import type { PermitAction } from './workflow.js';

/** What a step's `apply` reads: the case as loaded (with its item's terms) and the calendar. */
export interface PermitEventFacts {
  p: PermitRow;
  calendar: WorkCalendar;
}

/** What a step changes: the case's columns, and whether the shared part must give the next decision number. */
export interface PermitChanges {
  set: Updateable<LicensingTables['lic_permit']>;
  /** The decision number: the one given, or (null) the next of the decision year's series (穗天水许〔year〕n号). */
  decisionNo?: { given: string | null; year: string };
}

const COMMON = { version: Type.Integer() };

export interface PermitEventCommand<P extends TProperties = TProperties> {
  /** The body the route accepts: `version` and the step's own fields, nothing else. */
  input: TObject<P & typeof COMMON>;
  apply(f: PermitEventFacts, input: Static<TObject<P & typeof COMMON>>): PermitChanges;
}

function event<P extends TProperties>(fields: P, apply: PermitEventCommand<P>['apply']): PermitEventCommand<P> {
  return { input: Type.Object({ ...fields, ...COMMON }, { additionalProperties: false }), apply };
}

// ── Input fields (as the case page's forms send them) ──

const Str = (maxLength: number) => Type.String({ maxLength });

// ── Field checks: each refusal names the field ──

/** A real YYYY-MM-DD day (2023-02-30 is refused), or a 400 naming the field: the kernel's date check. */
export const day = (field: string, v: unknown, label: string): string => check.date(field, label, v, { required: true }) as string;
/** Trimmed non-empty text of at most `max` characters, or a 400 naming the field. */
export function text(field: string, v: unknown, label: string, max = 200): string {
  if (typeof v !== 'string' || !v.trim()) throw errors.validation(field, `${label}不能为空`);
  if (v.trim().length > max) throw errors.validation(field, `${label}过长（不超过${max}字）`);
  return v.trim();
}
/** Refuses a date `d` before an earlier step's date (when there is one). */
const notBefore = (field: string, label: string, d: string, earlier: { date: string | null; label: string }) => {
  if (earlier.date && d < earlier.date) throw errors.validation(field, `${label}不能早于${earlier.label}`);
};

/** The decision clock of an accepted case (its item's terms, its pauses and extension as stored). */
const clockOf = (p: PermitRow) => ({
  start: p.clock_start_on!,
  committedDays: p.committed_days,
  statutoryDays: p.statutory_days,
  pauses: pausesOf(p.pauses),
  extensionDays: p.extension_days,
  extensionApprovedOn: p.extension_approved_on,
});
/** The two decision deadlines a clock gives, as the case's columns. */
const dueColumns = (d: ReturnType<typeof decisionDeadlines>) => ({ due_on: d.committed.due, statutory_due_on: d.statutory.due });

/** Every step of the permit workflow: its input and what it changes. */
export const PERMIT_EVENTS = {
  /** 补正告知 — one notice listing everything to correct, within 5 working days of receipt (行政许可法第三十二条). */
  correction: event({ noticeOn: IsoDate, items: Str(2000) }, (f, i) => {
    const noticeOn = day('noticeOn', i.noticeOn, '补正告知日期');
    const items = text('items', i.items, '需补正的全部内容', 2000);
    checkCorrectionNotice(f.p.received_on, noticeOn, f.calendar);
    return { set: { correction_notice_on: noticeOn, correction_items: items } };
  }),
  /** 补正材料收讫 — the applicant handed in the corrections. */
  corrected: event({ correctedOn: IsoDate }, (f, i) => {
    const correctedOn = day('correctedOn', i.correctedOn, '补正材料收到日期');
    notBefore('correctedOn', '补正材料收到日期', correctedOn, { date: f.p.correction_notice_on, label: '补正告知日期' });
    return { set: { corrected_on: correctedOn } };
  }),
  /** 受理 — starts the decision clock (deemed on receipt when no timely correction notice was given, 第三十二条). */
  accept: event({ acceptedOn: IsoDate }, (f, i) => {
    const acceptedOn = day('acceptedOn', i.acceptedOn, '受理日期');
    notBefore('acceptedOn', '受理日期', acceptedOn, { date: f.p.corrected_on, label: '补正材料收到日期' });
    const { start, deemed } = clockStart({ receivedOn: f.p.received_on, correctionNoticeOn: f.p.correction_notice_on, acceptedOn }, f.calendar);
    const d = decisionDeadlines({ start, committedDays: f.p.committed_days, statutoryDays: f.p.statutory_days }, f.calendar);
    return { set: { accepted_on: acceptedOn, clock_start_on: start, deemed_accepted: deemed, ...dueColumns(d) } };
  }),
  /** 不予受理 — with the reasons told to the applicant (第三十二条). */
  not_accept: event({ on: IsoDate, reason: Str(1000) }, (f, i) => {
    const on = day('on', i.on, '不予受理日期');
    const reason = text('reason', i.reason, '不予受理理由', 1000);
    notBefore('on', '不予受理日期', on, { date: f.p.received_on, label: '收件日期' });
    return { set: { not_accepted_on: on, not_accepted_reason: reason } };
  }),
  /** 扣除期间 — hearing, testing, expert review … not counted in the decision term (第四十五条). */
  pause: event({ from: IsoDate, to: IsoDate, reason: Str(20) }, (f, i) => {
    const period = { from: day('from', i.from, '开始日期'), to: day('to', i.to, '结束日期'), reason: i.reason };
    checkPause(period, f.p.clock_start_on!);
    const clock = clockOf(f.p);
    const pauses = [...clock.pauses, period];
    return { set: { pauses: JSON.stringify(pauses), ...dueColumns(decisionDeadlines({ ...clock, pauses }, f.calendar)) } };
  }),
  /**
   * 延长 — once, up to 10 working days, approved by the head within the statutory term (第四十二条; approved
   * after it: refused). Approved after the committed term, it extends the statutory bound only.
   */
  extend: event({ days: Type.Integer(), approvedOn: IsoDate, reason: Str(1000) }, (f, i) => {
    const approvedOn = day('approvedOn', i.approvedOn, '批准日期');
    const reason = text('reason', i.reason, '延长理由', 1000);
    const clock = { ...clockOf(f.p), extensionDays: null, extensionApprovedOn: null };
    checkExtension({ days: i.days, approvedOn, already: !!f.p.extension_days, currentDue: decisionDeadlines(clock, f.calendar).statutory.due });
    const d = decisionDeadlines({ ...clock, extensionDays: i.days, extensionApprovedOn: approvedOn }, f.calendar);
    return { set: { extension_days: i.days, extension_approved_on: approvedOn, extension_reason: reason, ...dueColumns(d) } };
  }),
  /** 作出决定 — 准予 or 不予许可; a refusal states its reasons (第三十八条). */
  decide: event(
    {
      decidedOn: IsoDate,
      result: Type.Union([Type.Literal('准予许可'), Type.Literal('不予许可')]),
      decisionNo: OptText(100),
      note: OptText(2000),
    },
    (f, i) => {
      const decidedOn = day('decidedOn', i.decidedOn, '决定日期');
      if (i.result !== '准予许可' && i.result !== '不予许可') throw errors.validation('result', '办理结果应为“准予许可”或“不予许可”');
      const note = i.note?.trim() || null;
      if (i.result === '不予许可' && !note) throw errors.validation('note', '不予许可应说明理由（行政许可法第三十八条）');
      notBefore('decidedOn', '决定日期', decidedOn, { date: f.p.accepted_on, label: '受理日期' });
      return {
        set: { decided_on: decidedOn, result: i.result, decision_note: note },
        decisionNo: { given: i.decisionNo?.trim() || null, year: decidedOn.slice(0, 4) },
      };
    },
  ),
  /** 颁发证件 — after the grant (its 10-working-day term, 第四十四条, is tracked). */
  certify: event({ issuedOn: IsoDate, certificateNo: Str(100) }, (f, i) => {
    const issuedOn = day('issuedOn', i.issuedOn, '发证日期');
    const certificateNo = text('certificateNo', i.certificateNo, '证件编号', 100);
    notBefore('issuedOn', '发证日期', issuedOn, { date: f.p.decided_on, label: '决定日期' });
    return { set: { certificate_on: issuedOn, certificate_no: certificateNo } };
  }),
  /** 公示 — the grant's publication date (its 7-working-day term is the publicity module's). */
  publish: event({ publishedOn: IsoDate }, (f, i) => {
    const publishedOn = day('publishedOn', i.publishedOn, '公示日期');
    notBefore('publishedOn', '公示日期', publishedOn, { date: f.p.decided_on, label: '决定日期' });
    return { set: { published_on: publishedOn } };
  }),
} satisfies Record<PermitAction, PermitEventCommand<TProperties>>;

/** A step's command, typed loosely for the shared part (the route validated the input with its schema). */
export function permitEventCommand(action: PermitAction): PermitEventCommand<TProperties> {
  return PERMIT_EVENTS[action] as unknown as PermitEventCommand<TProperties>;
}

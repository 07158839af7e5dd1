/**
 * 办案环节 — each event of the penalty case workflow as its own small command: the
 * TypeBox schema of its input (no property beyond those listed; the route validates the
 * body with it) and a pure `apply(facts, input)` returning the changes to the case. What
 * every event shares — the case loaded in scope, the workflow's `requireTransition`, the
 * versioned update, its audit event and the transition's effects — runs in one place,
 * `applyCaseEvent` (caseCommands.ts); the two look-ups an event may need (the decision
 * number's series, an evidence attachment) are asked for in the changes and done there.
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../../../core/calendar/calendar.js';
import { computeDeadline } from '../../../core/calendar/deadline.js';
import { errors } from '../../../core/errors.js';
import { fenToYuan } from '../../../core/metrics/registry.js';
import { Opt } from '../../../core/schemas.js';
import { RULES } from '../deadlines.js';
import type { CaseWithOrg } from '../repository.js';
import { deemedServedOn, serviceProblems } from '../service.js';
import {
  APPROVER_CAPACITIES,
  approvalProblems,
  assertDate,
  DEFAULT_EXTENSION_DAYS,
  discretionCheck,
  earliestHearingDate,
  EVIDENCE_KINDS,
  lateCharge,
  noticeCoverageProblems,
  PENALTY_KINDS,
  REVIEW_CHECKLIST,
  reviewerProblems,
  summaryProcedureProblems,
  type ReviewerFacts,
} from '../rules.js';
import type { DiscretionLevel, EnfTables } from '../schema.js';
import type { CaseEvent } from '../workflow.js';

/** What an event's `apply` reads: the case as loaded, the event's date, its evidence count, the item's benchmark, the calendar. */
export interface EventFacts {
  c: CaseWithOrg;
  /** The event's business date (`on`, default today). */
  on: string;
  evidenceCount: number;
  item: { discretion: DiscretionLevel[]; discretion_text: string | null } | undefined;
  calendar: WorkCalendar;
  /** Who records the event (the signed-in user). */
  actor: { userId: string | null; name: string };
  /** The case belongs to a street office (its head decides; the approver is named in the input). */
  street: boolean;
  /** For 法制审核 (pass_review / reject_review): the reviewer's qualification and earlier reviews (行政处罚法第五十八条第二款). */
  reviewer?: Omit<ReviewerFacts, 'on'>;
}

/** The evidence an `add_evidence` registers. */
export interface EvidenceChange {
  kind: string;
  title: string;
  collected_on: string;
  note: string | null;
  attachment_id: string | null;
}

/** What an event changes: the case's columns, the note of its audit event, and what the shared part must look up or run. */
export interface Changes {
  set: Updateable<EnfTables['enf_case']>;
  note?: Record<string, unknown>;
  evidence?: EvidenceChange;
  /** The decision number: the one given, or (null) the next of the unit's series — unique, checked by the shared part. */
  decisionNo?: string | null;
  /** The reason a withdrawn publication gives (revoke). */
  reason?: string;
}

export interface EventCommand<P extends TProperties = TProperties> {
  /** The body the route accepts: `version`, `on` and the event's own fields, nothing else. */
  input: TObject<P & typeof COMMON>;
  apply(f: EventFacts, input: Static<TObject<P & typeof COMMON>>): Changes;
}

// ── Input fields (the form's; optional ones may come empty as null or '') ──

const Text = Opt(Type.String());
/** A date: checked by the command (`assertDate`) so the message carries the field's label. */
const DateText = Opt(Type.String());
const Yuan = Opt(Type.Number());
const Num = Opt(Type.Number());
const Flag = Opt(Type.Boolean());
const Kinds = Type.Optional(Type.Array(Type.String()));

const COMMON = { version: Type.Integer(), on: DateText };

function event<P extends TProperties>(fields: P, apply: EventCommand<P>['apply']): EventCommand<P> {
  return { input: Type.Object({ ...COMMON, ...fields }, { additionalProperties: false }), apply };
}

// ── Field helpers: each refusal names the field and says it in the form's words ──

const str = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');
const need = (v: string | null | undefined, field: string, label: string) => {
  const s = str(v);
  if (!s) throw errors.validation(field, `${label}不能为空`);
  return s;
};
const dateOr = (v: string | null | undefined, field: string, label: string, fallback: string) =>
  v === undefined || v === null || v === '' ? fallback : assertDate(field, label, v);
export const yuanToFen = (v: number | null | undefined, field: string, label: string): number => {
  if (v === undefined || v === null) return 0;
  if (!Number.isFinite(v) || v < 0) throw errors.validation(field, `${label}应为不小于0的金额（元）`);
  const fen = Math.round(v * 100);
  if (Math.abs(fen - v * 100) > 1e-6) throw errors.validation(field, `${label}最多两位小数（精确到分）`);
  return fen;
};
export const kindsOf = (v: readonly string[] | undefined): string[] => {
  if (!v?.length) throw errors.validation('kinds', '请选择处罚种类');
  for (const k of v) if (!(PENALTY_KINDS as readonly string[]).includes(k)) throw errors.validation('kinds', `处罚种类“${k}”无效（行政处罚法第九条）`);
  if (v.includes('不予处罚') && v.length > 1) throw errors.validation('kinds', '“不予处罚”不能与其他处罚种类同时选择');
  return [...v];
};
/** Refuses a date `d` before an earlier step's date (`earliest.date`, when there is one), naming both. */
const notBefore = (field: string, label: string, d: string, earliest: { date: string | null; label: string }) => {
  if (earliest.date && d < earliest.date) throw errors.validation(field, `${label}（${d}）不能早于${earliest.label}（${earliest.date}）`);
};
const fineMatchesKinds = (kinds: readonly string[], fine: number) => {
  if (kinds.includes('罚款') !== fine > 0)
    throw errors.validation('fineYuan', kinds.includes('罚款') ? '选择了罚款，请填写罚款金额' : '未选择“罚款”，罚款金额应为0');
};
/** The case's 违法所得 / 货值金额 (fen) as given with the proposal; null when none was given. */
export const storedBase = (c: { discretion_base_fen: number | string | null }): number | null =>
  c.discretion_base_fen == null ? null : Number(c.discretion_base_fen);

const nothing = () => ({ set: {} });

/** The review's checklist and opinion (法制审核：同意 / 存在问题). */
function review(passed: boolean) {
  return event({ checklist: Type.Optional(Type.Record(Type.String(), Type.Boolean())), opinion: Text }, (f, p) => {
    const result: Record<string, boolean> = {};
    for (const item of REVIEW_CHECKLIST) result[item.key] = p.checklist?.[item.key] === true;
    const failed = REVIEW_CHECKLIST.filter((i) => !result[i.key]);
    if (passed && failed.length)
      throw errors.validation('checklist', `审核意见为“同意”时，审核要点须全部符合；未勾选：${failed.map((i) => i.label).join('、')}`);
    const opinion = passed ? str(p.opinion) || '同意' : need(p.opinion, 'opinion', '审核意见（存在的问题）');
    // 行政处罚法第五十八条第二款: a first-time reviewer holds the 法律职业资格.
    const reviewer = f.reviewer ?? { name: f.actor.name, qualification: null, earlierReviews: 0 };
    const unqualified = reviewerProblems({ ...reviewer, on: f.on });
    if (unqualified.length) throw errors.gate('REVIEWER_NOT_QUALIFIED', unqualified.join('；'));
    return {
      set: {
        review_on: f.on,
        review_result: passed ? '同意' : '存在问题',
        review_opinion: opinion,
        review_checklist: JSON.stringify(result),
        review_by_user_id: f.actor.userId,
        review_by_name: reviewer.name,
      },
    };
  });
}

/** Every event of the case workflow: its input and what it changes. */
export const CASE_EVENTS = {
  add_evidence: event({ kind: Text, title: Text, collectedOn: DateText, note: Text, attachmentId: Text }, (f, p) => {
    const kind = need(p.kind, 'kind', '证据种类');
    if (!(kind in EVIDENCE_KINDS)) throw errors.validation('kind', '证据种类无效');
    const collectedOn = dateOr(p.collectedOn, 'collectedOn', '取证日期', f.on);
    notBefore('collectedOn', '取证日期', collectedOn, { date: f.c.filed_on, label: '立案日期' });
    const title = need(p.title, 'title', '证据名称');
    return { set: {}, evidence: { kind, title, collected_on: collectedOn, note: str(p.note) || null, attachment_id: str(p.attachmentId) || null } };
  }),
  approve_extension: event({ days: Num, reason: Text }, (f, p) => {
    const days = p.days === undefined || p.days === null ? DEFAULT_EXTENSION_DAYS : p.days;
    if (!Number.isInteger(days) || days < 1 || days > 90) throw errors.validation('days', '延长天数应为1至90的整数');
    return { set: { extension_days: days, extension_approved_on: f.on, extension_reason: need(p.reason, 'reason', '延长理由') } };
  }),
  propose: event({ kinds: Kinds, fineYuan: Yuan, confiscationYuan: Yuan, circumstance: Text, baseYuan: Yuan, firstViolation: Flag, major: Flag }, (f, p) => {
    const kinds = kindsOf(p.kinds);
    const fine = yuanToFen(p.fineYuan, 'fineYuan', '罚款金额');
    const conf = yuanToFen(p.confiscationYuan, 'confiscationYuan', '没收金额');
    fineMatchesKinds(kinds, fine);
    const level = str(p.circumstance) || null;
    const firstViolation = p.firstViolation === true;
    // 违法所得 / 货值金额: given with the proposal (or kept from an earlier one) for levels set as a multiple of it.
    const baseFen = p.baseYuan === undefined || p.baseYuan === null ? storedBase(f.c) : yuanToFen(p.baseYuan, 'baseYuan', '违法所得或货值金额');
    const d = discretionCheck(f.item?.discretion ?? [], { level, fineFen: fine, firstViolation, kinds, baseFen, text: f.item?.discretion_text });
    if (d.problems.length) throw errors.validation(d.range ? 'fineYuan' : 'circumstance', d.problems.join('；'));
    return {
      set: {
        proposed_kinds: kinds,
        proposed_fine_fen: fine,
        proposed_confiscation_fen: conf,
        circumstance: level,
        first_violation: firstViolation,
        discretion_base_fen: baseFen,
        ...(typeof p.major === 'boolean' ? { major: p.major } : {}),
      },
      ...(d.notices.length ? { note: { discretionNotices: d.notices } } : {}),
    };
  }),
  summary_decide: event({ kinds: Kinds, fineYuan: Yuan, facts: Text, basis: Text, decisionNo: Text }, (f, p) => {
    const kinds = kindsOf(p.kinds);
    const fine = yuanToFen(p.fineYuan, 'fineYuan', '罚款金额');
    const probs = summaryProcedureProblems({ partyType: f.c.party_type, kinds, fineFen: fine });
    if (probs.length) throw errors.gate('SUMMARY_NOT_ALLOWED', probs.join('；'));
    if (f.evidenceCount < 1 && !str(p.facts)) throw errors.validation('facts', '请填写违法事实');
    const facts = need(p.facts, 'facts', '违法事实');
    return {
      set: {
        procedure: 'summary',
        proposed_kinds: kinds,
        proposed_fine_fen: fine,
        proposed_confiscation_fen: 0,
        penalty_kinds: kinds,
        fine_fen: fine,
        confiscation_fen: 0,
        decided_on: f.on,
        decision_facts: facts,
        decision_basis: need(p.basis, 'basis', '处罚依据'),
        notified_on: f.on,
        rights_waived: true,
      },
      decisionNo: str(p.decisionNo) || null,
    };
  }),
  dismiss: event({ reason: Text }, (f, p) => ({ set: { closed_on: f.on, close_reason: need(p.reason, 'reason', '撤销案件理由'), penalty_kinds: [] } })),
  notify: event({}, (f) => {
    notBefore('on', '告知日期', f.on, { date: f.c.filed_on, label: '立案日期' });
    return { set: { notified_on: f.on, rights_waived: false, hearing_requested_on: null } };
  }),
  record_statement: event({ statement: Text }, (_f, p) => ({ set: { statement: need(p.statement, 'statement', '陈述申辩内容') } })),
  waive_rights: event({ note: Text }, (_f, p) => ({ set: { rights_waived: true }, note: { statement: str(p.note) || '当事人书面表示放弃陈述、申辩和听证' } })),
  request_hearing: event({}, (f) => ({ set: { hearing_requested_on: f.on } })),
  schedule_hearing: event({ hearingOn: DateText }, (f, p) => {
    const hearingOn = assertDate('hearingOn', '听证日期', p.hearingOn);
    const earliest = earliestHearingDate(f.on, f.calendar);
    if (hearingOn < earliest) throw errors.validation('hearingOn', `听证日期应在通知后第7个工作日（${earliest}）或以后（行政处罚法第六十四条）`);
    return { set: { hearing_notice_on: f.on, hearing_on: hearingOn } };
  }),
  record_hearing: event({ record: Text }, (f, p) => {
    notBefore('on', '听证日期', f.on, { date: f.c.hearing_on, label: '通知的听证日期' });
    return { set: { hearing_held_on: f.on, hearing_record: need(p.record, 'record', '听证笔录摘要') } };
  }),
  submit_review: event({}, nothing),
  pass_review: review(true),
  reject_review: review(false),
  record_discussion: event({ minutes: Text }, (f, p) => ({
    set: { discussion_on: f.on, discussion_minutes: need(p.minutes, 'minutes', '集体讨论纪要') },
  })),
  // 行政处罚法第五十七条: the officer submits the case with the draft decision's facts and basis; the penalty is the notified one.
  submit_decision: event({ facts: Text, basis: Text }, (f, p) => {
    notBefore('on', '呈报日期', f.on, { date: f.c.notified_on, label: '告知日期' });
    return {
      set: { decision_submitted_on: f.on, decision_facts: need(p.facts, 'facts', '违法事实和证据'), decision_basis: need(p.basis, 'basis', '处罚依据') },
    };
  }),
  return_decision: event({ opinion: Text }, (f, p) => {
    notBefore('on', '退回日期', f.on, { date: f.c.decision_submitted_on, label: '呈报日期' });
    return { set: { decision_submitted_on: null }, note: { opinion: need(p.opinion, 'opinion', '退回意见') } };
  }),
  // The head (or a deputy head under a recorded delegation) decides: within what the notice stated (第四十四、六十二、六十三条).
  decide: event(
    {
      kinds: Kinds,
      fineYuan: Yuan,
      confiscationYuan: Yuan,
      facts: Text,
      basis: Text,
      decisionNo: Text,
      approver: Text,
      capacity: Text,
      delegation: Text,
    },
    (f, p) => {
      const c = f.c;
      notBefore('on', '决定日期', f.on, { date: c.decision_submitted_on ?? c.notified_on, label: c.decision_submitted_on ? '呈报日期' : '告知日期' });
      // A bureau case is decided by the signed-in head; a street's case by its office's head, named by the street officer recording it.
      const given = str(p.approver);
      if (!f.street && given && given !== f.actor.name) throw errors.validation('approver', `局机关案件由负责人本人审批，审批人应为${f.actor.name}`);
      const approver = f.street ? given : f.actor.name;
      const capacity = str(p.capacity) || 'head';
      const delegation = str(p.delegation);
      const refused = approvalProblems({ approver, capacity, delegation });
      if (refused.length) throw errors.validation(refused[0]!.field, refused.map((r) => r.message).join('；'));
      const kinds = p.kinds === undefined ? c.proposed_kinds : kindsOf(p.kinds);
      const fine = p.fineYuan === undefined ? Number(c.proposed_fine_fen ?? 0) : yuanToFen(p.fineYuan, 'fineYuan', '罚款金额');
      const conf = p.confiscationYuan === undefined ? Number(c.proposed_confiscation_fen ?? 0) : yuanToFen(p.confiscationYuan, 'confiscationYuan', '没收金额');
      fineMatchesKinds(kinds, fine);
      // Nothing the notice of proposed penalty did not state (行政处罚法第四十四、六十二、六十三条).
      const uncovered = noticeCoverageProblems({
        partyType: c.party_type,
        notice: { kinds: c.proposed_kinds, fineFen: Number(c.proposed_fine_fen ?? 0), confiscationFen: Number(c.proposed_confiscation_fen ?? 0) },
        decision: { kinds, fineFen: fine, confiscationFen: conf },
      });
      if (uncovered.length) throw errors.gate('NOTICE_REQUIRED', uncovered.join('；'));
      const d = discretionCheck(f.item?.discretion ?? [], {
        level: c.circumstance,
        fineFen: fine,
        firstViolation: c.first_violation,
        kinds,
        baseFen: storedBase(c),
        text: f.item?.discretion_text,
      });
      if (d.problems.length) throw errors.validation('fineYuan', d.problems.join('；'));
      return {
        set: {
          penalty_kinds: kinds,
          fine_fen: fine,
          confiscation_fen: conf,
          decided_on: f.on,
          decision_facts: need(p.facts === undefined ? c.decision_facts : p.facts, 'facts', '违法事实和证据'),
          decision_basis: need(p.basis === undefined ? c.decision_basis : p.basis, 'basis', '处罚依据'),
          decision_approver: approver,
          decision_approver_user_id: f.street ? null : f.actor.userId,
          decision_approver_capacity: capacity as keyof typeof APPROVER_CAPACITIES,
          decision_approver_delegation: capacity === 'deputy' ? delegation : null,
        },
        decisionNo: str(p.decisionNo) || null,
        note: {
          approvedBy: `${approver}（${APPROVER_CAPACITIES[capacity as keyof typeof APPROVER_CAPACITIES]}）`,
          ...(d.notices.length ? { discretionNotices: d.notices } : {}),
        },
      };
    },
  ),
  // 行政处罚法第六十一条: how it was served; 公告送达 counts as served when its period has run (民事诉讼法第九十五条).
  serve: event({ method: Text, consentOn: DateText }, (f, p) => {
    const method = need(p.method, 'method', '送达方式');
    const consentOn = p.consentOn === undefined || p.consentOn === null || p.consentOn === '' ? null : assertDate('consentOn', '确认书签订日期', p.consentOn);
    const problems = serviceProblems({ method, decidedOn: f.c.decided_on ?? f.on, on: f.on, consentOn });
    if (problems.length) throw errors.validation(problems[0]!.field, problems.map((x) => x.message).join('；'));
    const notice = method === '公告送达';
    return {
      set: {
        service_method: method,
        served_on: notice ? deemedServedOn(f.on, f.calendar) : f.on,
        service_notice_on: notice ? f.on : null,
        service_consent_on: method === '电子送达' ? consentOn : null,
      },
      ...(notice ? { note: { publicNotice: `公告发出之日起经过法定期间视为送达（民事诉讼法第九十五条）：${deemedServedOn(f.on, f.calendar)}` } } : {}),
    };
  }),
  publish: event({}, (f) => {
    notBefore('on', '公示日期', f.on, { date: f.c.decided_on, label: '决定日期' });
    return { set: { published_on: f.on } };
  }),
  execute: event({ paidOn: DateText }, (f, p) => {
    const c = f.c;
    notBefore('on', '执行完毕日期', f.on, { date: c.served_on, label: '送达日期' });
    const money = Number(c.fine_fen) + Number(c.confiscation_fen);
    if (money <= 0 || !c.served_on) return { set: { executed_on: f.on } };
    const paidOn = dateOr(p.paidOn, 'paidOn', '缴款日期', f.on);
    notBefore('paidOn', '缴款日期', paidOn, { date: c.served_on, label: '送达日期' });
    const due = computeDeadline({ rule: RULES.payment, start: c.served_on }, f.calendar).due;
    const late = lateCharge(Number(c.fine_fen), due, paidOn);
    return {
      set: { paid_on: paidOn, late_fee_fen: late.fen, executed_on: f.on },
      ...(late.days ? { note: { lateCharge: `逾期${late.days}日，加处罚款${fenToYuan(late.fen)}元（行政处罚法第七十二条，每日3%，不超过罚款数额）` } } : {}),
    };
  }),
  close: event({}, (f) => {
    notBefore('on', '结案日期', f.on, { date: f.c.executed_on, label: '执行完毕日期' });
    return { set: { closed_on: f.on } };
  }),
  archive: event({}, (f) => {
    notBefore('on', '归档日期', f.on, { date: f.c.closed_on, label: '结案日期' });
    return { set: { archived_on: f.on } };
  }),
  revoke: event({ reason: Text }, (f, p) => {
    const reason = need(p.reason, 'reason', '变更或撤销理由');
    return { set: { revoked_on: f.on, revoke_reason: reason }, reason };
  }),
} satisfies Record<CaseEvent, EventCommand<TProperties>>;

/** An event's command, typed loosely for the shared part (the route validated the input with its schema). */
export function caseEventCommand(event: CaseEvent): EventCommand<TProperties> {
  return CASE_EVENTS[event] as unknown as EventCommand<TProperties>;
}

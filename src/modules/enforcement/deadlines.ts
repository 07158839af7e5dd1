/**
 * 期限规则表 — the enforcement deadlines, each with its source, computed by the
 * kernel calendar (working days with 调休 make-up days). Pure: the calendar is
 * passed in. Marks as in RULES.md: (checked) / (secondary) / (unverified: configurable).
 */
import type { DeadlineRule } from '../../core/calendar/deadline.js';
import { computeDeadline, deadlineStatus, type DeadlineStatus } from '../../core/calendar/deadline.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { PUBLICATION_RULE } from '../publicity/index.js';
import { PUBLIC_NOTICE_RULE, publicNoticeRule, SERVICE_RULE } from './service.js';

export const RULES = {
  /** 作出处罚决定 — 90 days from 立案 (行政处罚法第六十条). (checked) */
  decision: {
    key: 'enforcement.decision',
    label: '作出处罚决定期限',
    unit: 'day',
    n: 90,
    source: '行政处罚法第六十条：自行政处罚案件立案之日起九十日内作出行政处罚决定',
  },
  /** 听证申请 — 5 working days after the notice (行政处罚法第六十三、六十四条，第八十五条). (checked) */
  hearingRequest: {
    key: 'enforcement.hearing_request',
    label: '听证申请期限',
    unit: 'workday',
    n: 5,
    source: '行政处罚法第六十四条：当事人要求听证的，应当在行政机关告知后五日内提出（第八十五条：五日指工作日）',
  },
  /** 陈述申辩 — the bureau waits the same 5 working days before deciding (unverified: bureau practice, configurable). */
  statement: {
    key: 'enforcement.statement',
    label: '陈述申辩期限',
    unit: 'workday',
    n: 5,
    source: '行政处罚法第四十四、四十五条（陈述申辩期间按本局规定为告知后五个工作日，可配置）',
  },
  /** 听证通知 — notice at least 7 working days before the hearing (行政处罚法第六十四条). (checked) */
  hearingNotice: {
    key: 'enforcement.hearing_notice',
    label: '听证通知提前期',
    unit: 'workday',
    n: 7,
    source: '行政处罚法第六十四条：在举行听证的七日前通知当事人（第八十五条：七日指工作日）',
  },
  /** 缴纳罚款 — 15 days from service (行政处罚法第六十七条). (checked) */
  payment: {
    key: 'enforcement.payment',
    label: '缴纳罚款期限',
    unit: 'day',
    n: 15,
    source: '行政处罚法第六十七条：当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款',
  },
  /** 送达 — 7 working days from the decision unless handed over on the spot (行政处罚法第六十一条、第八十五条; service.ts). (checked) */
  service: SERVICE_RULE,
  /** 公告送达 — served when 30 days from the notice have run (民事诉讼法第九十五条; 60 before 2022; service.ts). (checked) */
  publicNotice: PUBLIC_NOTICE_RULE,
  /** 双公示 — 7 working days from the decision (国办发〔2018〕118号), owned by the publicity module. (secondary) */
  publication: PUBLICATION_RULE,
  /** 移送交办反馈 — 15 working days (unverified: the bureau's 案件抄告制度, configurable). */
  transferFeedback: {
    key: 'enforcement.transfer_feedback',
    label: '移送交办反馈期限',
    unit: 'workday',
    n: 15,
    source: '本局水政执法线索移送交办机制（期限未经核实，可配置）',
  },
} as const satisfies Record<string, DeadlineRule>;

export type RuleKey = keyof typeof RULES;

/** What the decision deadline reads: the filing date and the approved extension. */
export interface ExtensionFacts {
  filedOn: string;
  extensionDays?: number | null;
  extensionApprovedOn?: string | null;
}

/**
 * 延长期限是否有效 — an extension counts only when approved while the term still ran: on or before
 * the original 90-day due date (行政处罚法第六十条; an extension approved after the term ran out
 * cannot make a late case on time). `late` is the original due date it came after; an extension
 * with no approval date recorded counts (nothing shows it late).
 */
export function extensionInForce(c: ExtensionFacts, cal: WorkCalendar): { counts: boolean; originalDue: string } {
  const originalDue = computeDeadline({ rule: RULES.decision, start: c.filedOn }, cal).due;
  return { counts: !!c.extensionDays && !(c.extensionApprovedOn && c.extensionApprovedOn > originalDue), originalDue };
}

/**
 * The 90-day decision deadline, extended when an extension is approved in time (default +30 days,
 * unverified). An extension approved after the original due date is not applied: the original
 * term stands and the explanation says why.
 */
export function decisionDeadline(c: ExtensionFacts, cal: WorkCalendar) {
  const { counts, originalDue } = extensionInForce(c, cal);
  if (c.extensionDays && !counts) {
    const x = computeDeadline({ rule: RULES.decision, start: c.filedOn }, cal);
    const why = `延长办案期限的批准日${c.extensionApprovedOn}晚于原期限届满日${originalDue}，期限届满后批准的延长不发生效力，仍按原期限计算（行政处罚法第六十条）`;
    return { ...x, warnings: [...x.warnings, why], text: `${x.text.replace(/。$/, '')}；${why}。` };
  }
  const extensions = counts ? [{ n: c.extensionDays!, unit: 'day' as const, approvedOn: c.extensionApprovedOn ?? undefined, reason: '经负责人批准延长' }] : [];
  return computeDeadline({ rule: RULES.decision, start: c.filedOn, extensions }, cal);
}

/** A deadline as the case page shows it. */
export interface CaseDeadline {
  key: RuleKey;
  label: string;
  source: string;
  start: string;
  due: string;
  doneOn: string | null;
  status: DeadlineStatus;
  /** Done after its due date (逾期办结) — e.g. a decision after a term whose late extension did not count. */
  late: boolean;
  text: string;
}

/** The case fields the deadlines read. */
export interface DeadlineFacts {
  filedOn: string;
  extensionDays: number | null;
  extensionApprovedOn: string | null;
  decidedOn: string | null;
  notifiedOn: string | null;
  hearingRequestedOn: string | null;
  rightsWaived: boolean;
  servedOn: string | null;
  /** 公告送达: the notice's publication date (servedOn is then the day it counts as served). */
  serviceNoticeOn?: string | null;
  paidOn: string | null;
  fineFen: number;
  publishedOn: string | null;
  closedOn: string | null;
  revokedOn: string | null;
}

/**
 * Every deadline of a case on a given day, with its status (due / due soon /
 * overdue / done). A closed or revoked case's open deadlines count as done.
 */
export function caseDeadlines(c: DeadlineFacts, cal: WorkCalendar, today: string): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const ended = c.closedOn ?? c.revokedOn;
  const add = (key: RuleKey, start: string, doneOn: string | null, ex = computeDeadline({ rule: RULES[key], start }, cal)) => {
    const done = doneOn ?? (ended && key !== 'publication' ? ended : null);
    out.push({
      key,
      label: RULES[key].label,
      source: RULES[key].source,
      start,
      due: ex.due,
      doneOn: done,
      status: deadlineStatus({ due: ex.due, today, doneOn: done }, cal),
      late: !!doneOn && doneOn > ex.due,
      text: ex.text,
    });
  };
  add('decision', c.filedOn, c.decidedOn, decisionDeadline(c, cal));
  if (c.notifiedOn) {
    // A window for the party, not a duty of the bureau: it is 'done' once used, waived or elapsed.
    const w = computeDeadline({ rule: RULES.hearingRequest, start: c.notifiedOn }, cal);
    const closed = c.hearingRequestedOn ?? (c.rightsWaived ? c.notifiedOn : null) ?? (today > w.due ? w.due : null);
    add('hearingRequest', c.notifiedOn, closed, w);
  }
  // 送达 (行政处罚法第六十一条): done when served — for 公告送达 when the notice went out; its own period then runs.
  if (c.decidedOn) add('service', c.decidedOn, c.serviceNoticeOn ?? c.servedOn);
  if (c.serviceNoticeOn) {
    const n = computeDeadline({ rule: publicNoticeRule(c.serviceNoticeOn), start: c.serviceNoticeOn }, cal);
    add('publicNotice', c.serviceNoticeOn, today >= n.due ? n.due : null, n);
  }
  if (c.servedOn && c.fineFen > 0) add('payment', c.servedOn, c.paidOn);
  if (c.decidedOn) add('publication', c.decidedOn, c.publishedOn);
  return out;
}

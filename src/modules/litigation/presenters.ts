import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { deadlineStatus } from '../../core/calendar/deadline.js';
import { classOf, caseFacts } from './facts.js';
import { maskedClaimant, openIdNo } from './pii.js';
import type { CaseWithOrg, HearingRow } from './repository.js';
import { appealDeadline, LATE_REPLY_CONSEQUENCE, outcomeDef, replyDeadline } from './rules.js';
import type { CaseView, ClockView, HearingView } from './schemas.js';
import { caseActions, STATUS_LABELS } from './workflow.js';

export function presentHearing(h: HearingRow): HearingView {
  return {
    id: h.id,
    instance: h.instance,
    heldOn: h.held_on,
    headRole: h.head_role,
    headName: h.head_name,
    headAppeared: !!h.head_role,
    absenceReason: h.absence_reason,
    note: h.note,
  };
}

/** The case's clocks, explained: the reply (or defence) and, when open, the appeal window. */
function clocks(r: CaseWithOrg, cal: WorkCalendar, today: string): ClockView[] {
  const reply = replyDeadline(r.kind, r.received_on, cal);
  const out: ClockView[] = [
    {
      key: 'reply',
      label: reply.rule.label,
      start: r.received_on,
      due: reply.due,
      doneOn: r.reply_filed_on,
      status: deadlineStatus({ due: reply.due, today, doneOn: r.reply_filed_on }, cal),
      text: reply.text,
      source: reply.source,
      consequence: LATE_REPLY_CONSEQUENCE[r.kind],
    },
  ];
  const first = r.instance === '二审' ? r.first_outcome : r.outcome;
  const served = r.instance === '二审' ? r.first_outcome_served_on : r.outcome_served_on;
  const appeal = first && r.kind === '诉讼' ? appealDeadline({ kind: r.kind, instance: '一审', outcome: first, servedOn: served }, cal) : null;
  if (appeal) {
    const doneOn = r.appealed_on ?? r.closed_on ?? null;
    out.push({
      key: 'appeal',
      label: appeal.rule.label,
      start: appeal.start,
      due: appeal.due,
      doneOn,
      status: deadlineStatus({ due: appeal.due, today, doneOn }, cal),
      text: appeal.text,
      source: appeal.source,
      consequence: '期限届满未上诉的，一审裁判发生法律效力',
    });
  }
  return out;
}

/**
 * A case as the API presents it. `full`: the record page (the applicant's name in full, the ID
 * number masked); a list masks a natural person's name too. Actions for the actor's rows (`who`).
 */
export function presentCase(
  r: CaseWithOrg,
  x: { cal: WorkCalendar; today: string; who: readonly string[]; hearings?: HearingRow[]; full?: boolean },
): CaseView {
  const m = maskedClaimant(r);
  const d = r.outcome ? outcomeDef(r.kind, r.outcome) : undefined;
  const cls = classOf(r);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    caseNo: r.case_no,
    kind: r.kind,
    instance: r.instance,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    claimantType: r.claimant_type,
    claimantName: x.full ? r.claimant_name : m.name,
    claimantIdNo: m.idNo,
    actKind: r.act_kind,
    actTitle: r.act_title,
    actEntity: r.act_entity,
    actRecordId: r.act_record_id,
    body: r.body,
    receivedOn: r.received_on,
    replyDueOn: r.reply_due_on,
    replyFiledOn: r.reply_filed_on,
    replyOnTime: r.reply_filed_on ? r.reply_filed_on <= r.reply_due_on : null,
    outcome: r.outcome,
    outcomeLabel: d?.label ?? null,
    outcomeSource: d?.source ?? null,
    outcomeOn: r.outcome_on,
    outcomeServedOn: r.outcome_served_on,
    outcomeActChanged: !!r.outcome_act_changed,
    outcomeNote: r.outcome_note,
    corrected: cls.corrected,
    lost: cls.lost,
    firstOutcome: r.first_outcome,
    firstOutcomeOn: r.first_outcome_on,
    appealDueOn: r.appeal_due_on,
    appealedOn: r.appealed_on,
    appellant: r.appellant,
    handler: r.handler,
    agent: r.agent,
    rectification: r.rectification,
    rectifiedOn: r.rectified_on,
    closedOn: r.closed_on,
    version: r.version,
    clocks: clocks(r, x.cal, x.today),
    hearings: (x.hearings ?? []).map(presentHearing),
    actions: caseActions(r.status, caseFacts(r, x.today), x.who),
  };
}

/** The applicant's ID number in clear (documents; never in an API answer). */
export { openIdNo };

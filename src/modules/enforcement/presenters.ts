/** Rows → API objects. Identifiers are masked in every list; the detail shows them masked too. */
import { maskedId, openId } from './pii.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { deadlineStatus } from '../../core/calendar/deadline.js';
import { fenToYuan } from '../../core/metrics/registry.js';
import type { EnfTables, DiscretionLevel } from './schema.js';
import { describeRange, parseDiscretionText } from './discretion.js';
import { STAGES, type Stage, type ActionView } from './workflow.js';
import { caseDeadlines, type CaseDeadline } from './deadlines.js';
import { APPROVER_CAPACITIES, certStatus, EVIDENCE_KINDS } from './rules.js';
import type { CaseWithOrg } from './repository.js';
import { CLUE_STAGES, clueActions, type ClueStage } from './clueWorkflow.js';
import { caseLimitationCheck, clueLimitationCheck, limitationStatus } from './limitation.js';

type Sel<T> = import('kysely').Selectable<T>;
export type OfficerRow = Sel<EnfTables['enf_officer']>;
export type ItemRow = Sel<EnfTables['enf_item']>;
export type ClueRow = Sel<EnfTables['enf_clue']>;
export type EvidenceRow = Sel<EnfTables['enf_evidence']>;

const maskParty = (stored: string | null, partyType: string) => maskedId(openId(stored), partyType);

/** The columns of a case its deadlines read. */
export type CaseDeadlineRow = Pick<
  CaseWithOrg,
  | 'filed_on'
  | 'extension_days'
  | 'extension_approved_on'
  | 'decided_on'
  | 'notified_on'
  | 'hearing_requested_on'
  | 'rights_waived'
  | 'served_on'
  | 'service_notice_on'
  | 'paid_on'
  | 'fine_fen'
  | 'published_on'
  | 'closed_on'
  | 'revoked_on'
>;

/** The deadline facts of a case row. */
export function deadlineFacts(c: CaseDeadlineRow) {
  return {
    filedOn: c.filed_on,
    extensionDays: c.extension_days,
    extensionApprovedOn: c.extension_approved_on,
    decidedOn: c.decided_on,
    notifiedOn: c.notified_on,
    hearingRequestedOn: c.hearing_requested_on,
    rightsWaived: c.rights_waived,
    servedOn: c.served_on,
    serviceNoticeOn: c.service_notice_on,
    paidOn: c.paid_on,
    fineFen: Number(c.fine_fen),
    publishedOn: c.published_on,
    closedOn: c.closed_on,
    revokedOn: c.revoked_on,
  };
}

/** The worst open deadline of a case: what the list's flag shows. */
export function worstDeadline(ds: readonly CaseDeadline[]): CaseDeadline | null {
  const rank = { overdue: 0, due_soon: 1, ok: 2, done: 3 } as const;
  const open = ds.filter((d) => d.status !== 'done').sort((a, b) => rank[a.status] - rank[b.status] || a.due.localeCompare(b.due));
  return open[0] ?? null;
}

export function presentCaseSummary(c: CaseWithOrg, cal: WorkCalendar, today: string) {
  const ds = caseDeadlines(deadlineFacts(c), cal, today);
  const w = worstDeadline(ds);
  return {
    id: c.id,
    caseNo: c.case_no,
    orgId: c.org_id,
    orgName: c.org_name,
    orgKind: c.org_kind,
    stage: c.stage as Stage,
    stageLabel: STAGES[c.stage as Stage] ?? c.stage,
    procedure: c.procedure,
    source: c.source,
    cause: c.cause,
    partyType: c.party_type,
    partyName: c.party_name,
    filedOn: c.filed_on,
    decidedOn: c.decided_on,
    closedOn: c.closed_on,
    major: c.major,
    penaltyKinds: c.penalty_kinds,
    fineYuan: fenToYuan(Number(c.fine_fen)),
    confiscationYuan: fenToYuan(Number(c.confiscation_fen)),
    deadline: w ? { label: w.label, due: w.due, status: w.status } : null,
    version: c.version,
  };
}

export function presentOfficer(o: OfficerRow & { org_name?: string }, today: string) {
  return {
    id: o.id,
    orgId: o.org_id,
    orgName: o.org_name ?? null,
    name: o.name,
    certNo: o.cert_no,
    certIssuedOn: o.cert_issued_on,
    certValidUntil: o.cert_valid_until,
    certStatus: certStatus({ name: o.name, certNo: o.cert_no, certValidUntil: o.cert_valid_until }, today),
    examScore: o.exam_score === null ? null : Number(o.exam_score),
    examPassLine: Number(o.exam_pass_line),
    active: o.active,
    version: o.version,
  };
}

/** A discretion level for the API: yuan beside fen (`maxYuan` null = no upper limit), its range in words. */
export function presentLevel(l: DiscretionLevel) {
  return { ...l, maxFen: l.maxFen ?? null, minYuan: fenToYuan(l.minFen), maxYuan: l.maxFen == null ? null : fenToYuan(l.maxFen), rangeText: describeRange(l) };
}

export function presentItem(i: ItemRow) {
  return {
    id: i.id,
    code: i.code,
    name: i.name,
    legalBasis: i.legal_basis,
    penaltyBasis: i.penalty_basis,
    discretion: (i.discretion as DiscretionLevel[]).map(presentLevel),
    discretionText: i.discretion_text,
    /** Parts of the text from which no range could be derived (reason in Chinese). */
    discretionUnparsed: i.discretion_text ? parseDiscretionText(i.discretion_text).unparsed : [],
    delegated: i.delegated,
    version: i.version,
  };
}

/** Whether an actor handles a unit's clues: street officers their street's, bureau staff the bureau's. */
export function handlesOrg(roles: readonly string[], orgKind: string | undefined): boolean {
  return orgKind === 'street' ? roles.includes('street') : roles.some((r) => r !== 'street');
}

export function presentClue(c: ClueRow & { org_name?: string; org_kind?: string }, cal: WorkCalendar, today: string, roles: readonly string[] = []) {
  const feedbackStatus = c.transfer_due_on ? deadlineStatus({ due: c.transfer_due_on, today, doneOn: c.feedback_on }, cal) : null;
  return {
    id: c.id,
    clueNo: c.clue_no,
    orgId: c.org_id,
    orgName: c.org_name ?? null,
    source: c.source,
    sourceRef: c.source_ref,
    receivedOn: c.received_on,
    summary: c.summary,
    location: c.location,
    partyName: c.party_name,
    status: c.status,
    statusLabel: CLUE_STAGES[c.status as ClueStage] ?? c.status,
    fromOrgId: c.from_org_id,
    transferredOn: c.transferred_on,
    transferDueOn: c.transfer_due_on,
    feedbackStatus,
    receiptOn: c.receipt_on,
    feedback: c.feedback,
    feedbackOn: c.feedback_on,
    caseId: c.case_id,
    closedOn: c.closed_on,
    closeReason: c.close_reason,
    partyAddress: c.party_address,
    violationOn: c.violation_on,
    violationEndedOn: c.violation_ended_on,
    limitationSerious: c.limitation_serious,
    /** 追责时效 (行政处罚法第三十六条): discovered on the day the clue was received. */
    limitation: limitationStatus(clueLimitationCheck(c)),
    /** The clue's actions for this actor in the workflow engine's one shape (none when another unit handles it). */
    actions: clueActions(c, handlesOrg(roles, c.org_kind)),
    version: c.version,
  };
}

export function presentEvidence(e: EvidenceRow) {
  return {
    id: e.id,
    kind: e.kind,
    kindLabel: EVIDENCE_KINDS[e.kind as keyof typeof EVIDENCE_KINDS] ?? e.kind,
    title: e.title,
    collectedOn: e.collected_on,
    note: e.note,
    attachmentId: e.attachment_id,
  };
}

/** The case page: the record, its deadlines, evidence, officers, the discretion benchmark and the actions allowed now. */
export function presentCase(
  c: CaseWithOrg,
  extra: {
    cal: WorkCalendar;
    today: string;
    evidence: EvidenceRow[];
    officers: OfficerRow[];
    item: ItemRow | undefined;
    actions: ActionView[];
    reviewReasons: string[];
    hearingRight: string[];
  },
) {
  return {
    ...presentCaseSummary(c, extra.cal, extra.today),
    sourceRef: c.source_ref,
    clueId: c.clue_id,
    item: extra.item ? presentItem(extra.item) : null,
    itemCode: c.item_code,
    partyIdNo: maskParty(c.party_id_no, c.party_type),
    officers: extra.officers.map((o) => presentOfficer(o, extra.today)),
    officerNames: c.officer_names,
    circumstance: c.circumstance,
    firstViolation: c.first_violation,
    proposedKinds: c.proposed_kinds,
    proposedFineYuan: c.proposed_fine_fen === null ? null : fenToYuan(Number(c.proposed_fine_fen)),
    proposedConfiscationYuan: c.proposed_confiscation_fen === null ? null : fenToYuan(Number(c.proposed_confiscation_fen)),
    /** 违法所得 / 货值金额 given with the proposal (for a level set as a multiple of it). */
    discretionBaseYuan: c.discretion_base_fen == null ? null : fenToYuan(Number(c.discretion_base_fen)),
    notifiedOn: c.notified_on,
    rightsWaived: c.rights_waived,
    statement: c.statement,
    hearingRight: extra.hearingRight,
    hearingRequestedOn: c.hearing_requested_on,
    hearingNoticeOn: c.hearing_notice_on,
    hearingOn: c.hearing_on,
    hearingHeldOn: c.hearing_held_on,
    hearingRecord: c.hearing_record,
    reviewReasons: extra.reviewReasons,
    reviewRequired: extra.reviewReasons.length > 0,
    reviewOn: c.review_on,
    reviewResult: c.review_result,
    reviewOpinion: c.review_opinion,
    reviewChecklist: c.review_checklist,
    discussionOn: c.discussion_on,
    discussionMinutes: c.discussion_minutes,
    extensionDays: c.extension_days,
    extensionApprovedOn: c.extension_approved_on,
    extensionReason: c.extension_reason,
    decisionNo: c.decision_no,
    decisionFacts: c.decision_facts,
    decisionBasis: c.decision_basis,
    /** 行政处罚法第五十七条: submitted to the head on; who decided, as head or as delegated deputy (the decision's date is decidedOn). */
    decisionSubmittedOn: c.decision_submitted_on,
    decisionApprover: c.decision_approver,
    decisionApproverCapacity: c.decision_approver_capacity,
    decisionApproverCapacityLabel: c.decision_approver_capacity ? APPROVER_CAPACITIES[c.decision_approver_capacity] : null,
    decisionApproverDelegation: c.decision_approver_delegation,
    reviewByName: c.review_by_name,
    servedOn: c.served_on,
    /** 行政处罚法第六十一条: how it was served; 公告送达's publication date; 电子送达's consent (确认书) date. */
    serviceMethod: c.service_method,
    serviceNoticeOn: c.service_notice_on,
    serviceConsentOn: c.service_consent_on,
    paidOn: c.paid_on,
    lateFeeYuan: fenToYuan(Number(c.late_fee_fen)),
    executedOn: c.executed_on,
    closeReason: c.close_reason,
    publishedOn: c.published_on,
    archivedOn: c.archived_on,
    revokedOn: c.revoked_on,
    revokeReason: c.revoke_reason,
    imported: c.imported,
    evidence: extra.evidence.map(presentEvidence),
    deadlines: caseDeadlines(deadlineFacts(c), extra.cal, extra.today),
    actions: extra.actions,
    partyAddress: c.party_address,
    violationOn: c.violation_on,
    violationEndedOn: c.violation_ended_on,
    limitationSerious: c.limitation_serious,
    /** 追责时效 (行政处罚法第三十六条): the period, the discovery date, and the legal ground of an override. */
    limitation: limitationStatus(caseLimitationCheck(c)),
  };
}

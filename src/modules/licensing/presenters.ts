import type { Selectable } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import type { LicensingTables, PausePeriod, PermitCategory } from './schema.js';
import type { ItemView, PermitView } from './schemas.js';
import { certificateDue, correctionDue, decisionDeadlines, pausesOf } from './rules.js';
import { permitActions, permitFacts, STATUS_LABELS } from './workflow.js';

type ItemRow = Selectable<LicensingTables['lic_item']>;
type PermitRow = Selectable<LicensingTables['lic_permit']>;

/** 许可事项 as the API presents it. */
export function presentItem(r: ItemRow): ItemView {
  return {
    id: r.id as string,
    orgId: r.org_id as string,
    code: r.code as string,
    name: r.name as string,
    category: r.category,
    statutoryDays: r.statutory_days as number,
    committedDays: r.committed_days as number,
    cloudWindow: !!r.cloud_window,
    basis: r.basis as string | null,
    version: r.version as number,
  };
}
export type { ItemView, PermitView };

/**
 * 办件 as the API presents it: fields, its deadlines and, for the rows of the workflow the
 * actor holds (`permitWho`), each action of its stage in the engine's one shape.
 */
export function presentPermit(
  r: PermitRow & { item_code?: string; item_name?: string; category?: PermitCategory; org_name?: string; committed_days?: number; statutory_days?: number },
  cal: WorkCalendar,
  who: readonly string[],
): PermitView {
  const p = {
    id: r.id as string,
    orgId: r.org_id as string,
    orgName: (r.org_name ?? null) as string | null,
    caseNo: r.case_no as string,
    itemId: r.item_id as string,
    itemCode: (r.item_code ?? null) as string | null,
    itemName: (r.item_name ?? null) as string | null,
    category: r.category ?? null,
    applicant: r.applicant as string,
    applicantType: r.applicant_type as string,
    applicantUscc: r.applicant_uscc as string | null,
    channel: r.channel,
    visits: r.visits as number | null,
    status: r.status as keyof typeof STATUS_LABELS,
    statusLabel: STATUS_LABELS[r.status as keyof typeof STATUS_LABELS],
    receivedOn: r.received_on as string,
    correctionNoticeOn: r.correction_notice_on as string | null,
    correctionItems: r.correction_items as string | null,
    correctedOn: r.corrected_on as string | null,
    acceptedOn: r.accepted_on as string | null,
    clockStartOn: r.clock_start_on as string | null,
    deemedAccepted: !!r.deemed_accepted,
    notAcceptedOn: r.not_accepted_on as string | null,
    notAcceptedReason: r.not_accepted_reason as string | null,
    pauses: pausesOf(r.pauses),
    extensionDays: r.extension_days as number | null,
    extensionApprovedOn: r.extension_approved_on as string | null,
    extensionReason: r.extension_reason as string | null,
    dueOn: r.due_on as string | null,
    statutoryDueOn: r.statutory_due_on as string | null,
    decidedOn: r.decided_on as string | null,
    result: r.result,
    decisionNo: r.decision_no as string | null,
    decisionNote: r.decision_note as string | null,
    certificateNo: r.certificate_no as string | null,
    certificateOn: r.certificate_on as string | null,
    publishedOn: r.published_on as string | null,
    version: r.version as number,
  };
  const correctionDueOn = correctionDue(p.receivedOn, cal);
  const certificateDueOn = p.decidedOn && p.result === '准予许可' ? certificateDue(p.decidedOn, cal) : null;
  return {
    ...p,
    correctionDueOn,
    certificateDueOn,
    extensionNote: extensionNote(p, r, cal),
    /** Decided on or before the committed deadline (null while undecided). */
    onTime: p.decidedOn && p.dueOn ? p.decidedOn <= p.dueOn : null,
    actions: permitActions(p.status, permitFacts(p), who),
  };
}

/** Why the case's extension did not extend its deadlines (approved after the term ran out), or null. */
function extensionNote(
  p: { clockStartOn: string | null; extensionDays: number | null; extensionApprovedOn: string | null; pauses: PausePeriod[] },
  r: { committed_days?: number; statutory_days?: number },
  cal: WorkCalendar,
): string | null {
  if (!p.clockStartOn || !p.extensionDays || !p.extensionApprovedOn || r.committed_days == null || r.statutory_days == null) return null;
  const d = decisionDeadlines(
    {
      start: p.clockStartOn,
      committedDays: r.committed_days,
      statutoryDays: r.statutory_days,
      pauses: p.pauses,
      extensionDays: p.extensionDays,
      extensionApprovedOn: p.extensionApprovedOn,
    },
    cal,
  );
  return [d.voided.committed, d.voided.statutory].filter(Boolean).join('；') || null;
}

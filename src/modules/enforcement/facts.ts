/** Builds the facts the workflow guards read from a case, its evidence, its officers and the calendar (pure). */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import type { GuardFacts } from './workflow.js';
import { RULES } from './deadlines.js';
import { decisionDocumentProblems, hearingRight, legalReviewReasons, officerProblems } from './rules.js';
import type { CaseWithOrg } from './repository.js';
import type { EvidenceRow, OfficerRow } from './presenters.js';

export interface CaseFacts extends GuardFacts {
  hearingRightReasons: string[];
}

export function caseFacts(
  c: CaseWithOrg,
  { evidence, officers }: { evidence: readonly EvidenceRow[]; officers: readonly OfficerRow[] },
  cal: WorkCalendar,
  today: string,
): CaseFacts {
  const kinds = c.decided_on ? c.penalty_kinds : c.proposed_kinds;
  const fineFen = Number(c.decided_on ? c.fine_fen : (c.proposed_fine_fen ?? 0));
  const confFen = Number(c.decided_on ? c.confiscation_fen : (c.proposed_confiscation_fen ?? 0));
  const right = hearingRight({ partyType: c.party_type, kinds, fineFen, confiscationFen: confFen });
  const reviewReasons = c.procedure === 'summary' ? [] : legalReviewReasons({ major: c.major, hearingHeld: !!c.hearing_held_on, hearingRight: right });
  const windowEnds = c.notified_on ? computeDeadline({ rule: RULES.hearingRequest, start: c.notified_on }, cal).due : null;
  const checkOn = c.filed_on > today ? c.filed_on : today;
  return {
    today,
    procedure: c.procedure,
    evidenceCount: evidence.length,
    officerProblems: officerProblems(
      officers.map((o) => ({ name: o.name, certNo: o.cert_no, certValidUntil: o.cert_valid_until })),
      c.decided_on && c.decided_on < checkOn ? c.decided_on : checkOn,
    ),
    hasProposal: c.proposed_kinds.length > 0,
    windowEnds,
    rightsWaived: c.rights_waived,
    hearingRight: right,
    hearingRightReasons: right,
    hearingRequested: !!c.hearing_requested_on,
    hearingNoticeOn: c.hearing_notice_on,
    hearingHeld: !!c.hearing_held_on,
    reviewReasons,
    reviewPassed: c.review_result === '同意',
    major: c.major,
    discussionDone: !!c.discussion_on,
    extensionApproved: !!c.extension_days,
    fineFen: Number(c.fine_fen) + Number(c.confiscation_fen),
    paid: !!c.paid_on,
    decided: !!c.decided_on,
    published: !!c.published_on && !c.revoked_on,
    publicationWithdrawn: !!c.revoked_on,
    documentProblems: c.decided_on
      ? decisionDocumentProblems({
          partyName: c.party_name,
          facts: c.decision_facts,
          evidenceCount: evidence.length,
          kinds: c.penalty_kinds,
          basis: c.decision_basis,
          decidedOn: c.decided_on,
          decisionNo: c.decision_no,
        })
      : [],
  };
}

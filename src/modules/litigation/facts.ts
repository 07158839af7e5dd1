/** The facts the case workflow's guards read, from a stored case (pure). */
import { appealRule, outcomeClass } from './rules.js';
import type { CaseFacts } from './workflow.js';
import type { CaseKind, Instance } from './schema.js';

export interface CaseFactsRow {
  kind: CaseKind;
  instance: Instance | null;
  outcome: string | null;
  outcome_served_on: string | null;
  outcome_act_changed: boolean;
  appeal_due_on: string | null;
  rectified_on: string | null;
}

/** 纠错 / 败诉 of a case's (latest) outcome; both false while it has none. */
export function classOf(r: Pick<CaseFactsRow, 'kind' | 'outcome' | 'outcome_act_changed'>): { corrected: boolean; lost: boolean } {
  if (!r.outcome) return { corrected: false, lost: false };
  const c = outcomeClass(r.kind, r.outcome, r.outcome_act_changed);
  return { corrected: c.corrected, lost: c.lost };
}

/** The guards' facts of a case on a date (the event's date, or today for the view). */
export function caseFacts(r: CaseFactsRow, on: string): CaseFacts {
  const appealable = !!r.outcome && appealRule({ kind: r.kind, instance: r.instance, outcome: r.outcome }) !== null;
  return {
    kind: r.kind,
    instance: r.instance,
    outcome: r.outcome,
    servedOn: r.outcome_served_on,
    appealDueOn: appealable ? r.appeal_due_on : null,
    appealable,
    corrected: classOf(r).corrected,
    rectifiedOn: r.rectified_on,
    on,
  };
}

/** The stage a case's recorded dates put it in (a ledger row's status; the workflow moves a live case the same way). */
export function statusOf(r: {
  replyFiledOn: string | null;
  hearingOn: string | null;
  outcome: string | null;
  appealedOn: string | null;
  closedOn: string | null;
}): import('./schema.js').CaseStatus {
  if (r.closedOn) return 'closed';
  if (r.outcome) return 'concluded';
  if (r.appealedOn) return r.hearingOn && r.hearingOn >= r.appealedOn ? 'heard' : 'appealed';
  if (r.hearingOn) return 'heard';
  if (r.replyFiledOn) return 'replied';
  return 'received';
}

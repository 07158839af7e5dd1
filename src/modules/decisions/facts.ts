/** The facts the decision workflow's guards read, and the stage a record's dates put it in (pure). */
import type { DecisionRow } from './repository.js';
import type { DecisionStatus } from './schema.js';
import type { DecisionFacts } from './workflow.js';

type Row = Pick<
  DecisionRow,
  | 'participation_required'
  | 'participation_on'
  | 'expert_required'
  | 'expert_on'
  | 'risk_required'
  | 'risk_on'
  | 'review_result'
  | 'publication_required'
  | 'publication_on'
  | 'evaluation_on'
>;

export function decisionFacts(r: Row, on: string): DecisionFacts {
  return {
    participation: { required: r.participation_required, done: !!r.participation_on },
    expert: { required: r.expert_required, done: !!r.expert_on },
    risk: { required: r.risk_required, done: !!r.risk_on },
    review: { result: r.review_result },
    publication: { required: r.publication_required, done: !!r.publication_on },
    evaluated: !!r.evaluation_on,
    on,
  };
}

/** The stage a decision's recorded dates put it in (a ledger row's status; a live record moves the same way). */
export function statusOf(r: {
  reviewSubmittedOn: string | null;
  reviewResult: string | null;
  discussionResult: string | null;
  publicationOn: string | null;
  archivedOn: string | null;
}): DecisionStatus {
  if (r.archivedOn) return 'archived';
  if (r.discussionResult === '不同意') return 'rejected';
  if (r.discussionResult === '同意') return r.publicationOn ? 'published' : 'made';
  if (r.reviewResult === '同意' || r.reviewResult === '修改后同意') return 'reviewed';
  if (r.reviewSubmittedOn && !r.reviewResult) return 'in_review';
  return 'drafting';
}

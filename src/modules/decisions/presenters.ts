import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline, deadlineStatus } from '../../core/calendar/deadline.js';
import { decisionFacts } from './facts.js';
import type { CatalogueWithOrg, DecisionWithOrg } from './repository.js';
import { commentPeriodRule, REVIEW_TERM_RULE, STEP_DEFS, STEPS, type Step } from './rules.js';
import type { CatalogueItemView, ClockView, DecisionView, PublicCatalogueView, StepView } from './schemas.js';
import { decisionActions, STATUS_LABELS } from './workflow.js';

const f = (label: string, value: string | null | undefined) => (value ? [{ label, value }] : []);

/** The steps of a decision with what each recorded. */
function steps(r: DecisionWithOrg): StepView[] {
  const v: Record<Step, { required: boolean; naReason: string | null; on: string | null; fields: StepView['fields'] }> = {
    participation: {
      required: r.participation_required,
      naReason: r.participation_na_reason,
      on: r.participation_on,
      fields: [
        ...f('参与方式', r.participation_methods),
        ...f('征求意见期限', r.participation_from && r.participation_to ? `${r.participation_from} 至 ${r.participation_to}` : null),
        ...f('期限缩短理由', r.participation_short_reason),
        ...f('意见采纳情况', r.participation_record),
      ],
    },
    expert: {
      required: r.expert_required,
      naReason: r.expert_na_reason,
      on: r.expert_on,
      fields: [...f('论证专家', r.expert_experts), ...f('论证意见', r.expert_record)],
    },
    risk: { required: r.risk_required, naReason: r.risk_na_reason, on: r.risk_on, fields: [...f('风险等级', r.risk_level), ...f('评估结论', r.risk_record)] },
    review: {
      required: true,
      naReason: null,
      on: r.review_on,
      fields: [...f('送审日期', r.review_submitted_on), ...f('审查意见', r.review_result), ...f('意见内容', r.review_opinion)],
    },
    discussion: {
      required: true,
      naReason: null,
      on: r.discussion_on,
      fields: [
        ...f('会议', r.discussion_meeting),
        ...f('参会人员', r.discussion_attendees),
        ...f('决定', r.discussion_result),
        ...f('决定内容', r.discussion_content),
        ...f('不同意见', r.discussion_dissent),
        ...f('首长决定理由', r.discussion_head_reason),
        ...f('审查时间不足理由', r.discussion_short_review_reason),
      ],
    },
    publication: {
      required: r.publication_required,
      naReason: r.publication_na_reason,
      on: r.publication_on,
      fields: [...f('公布途径', r.publication_channel), ...f('文号', r.publication_ref)],
    },
    evaluation: {
      required: r.evaluation_required,
      naReason: r.evaluation_na_reason,
      on: r.evaluation_on,
      fields: [...f('评估单位', r.evaluation_by), ...f('评估结论', r.evaluation_record)],
    },
  };
  return STEPS.map((k) => ({
    key: k,
    label: STEP_DEFS[k].label,
    required: v[k].required,
    naReason: v[k].naReason,
    done: !!v[k].on && (k !== 'review' || r.review_result !== '不同意'),
    on: v[k].on,
    source: STEP_DEFS[k].source,
    fields: v[k].fields,
  }));
}

function clocks(r: DecisionWithOrg, cal: WorkCalendar, today: string): ClockView[] {
  const out: ClockView[] = [];
  const add = (key: string, rule: Parameters<typeof computeDeadline>[0]['rule'], start: string, doneOn: string | null) => {
    const e = computeDeadline({ rule, start }, cal);
    out.push({ key, label: rule.label, start, due: e.due, doneOn, status: deadlineStatus({ due: e.due, today, doneOn }, cal), text: e.text, source: e.source });
  };
  if (r.participation_from && r.participation_to)
    add('comment', commentPeriodRule(r.participation_from, r.participation_to), r.participation_from, r.participation_on);
  if (r.review_submitted_on) add('review', REVIEW_TERM_RULE, r.review_submitted_on, r.review_on);
  return out;
}

export function presentDecision(r: DecisionWithOrg, x: { cal: WorkCalendar; today: string; who: readonly string[]; full?: boolean }): DecisionView {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    title: r.title,
    catalogueItemId: r.catalogue_item_id,
    catalogueTitle: r.catalogue_title,
    catalogueSeq: r.catalogue_seq,
    summary: r.summary,
    leader: r.leader,
    handler: r.handler,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    madeOn: r.discussion_result === '同意' ? r.discussion_on : null,
    participationOn: r.participation_on,
    expertOn: r.expert_on,
    riskOn: r.risk_on,
    reviewResult: r.review_result,
    reviewOn: r.review_on,
    discussionOn: r.discussion_on,
    discussionResult: r.discussion_result,
    publicationOn: r.publication_on,
    evaluationOn: r.evaluation_on,
    archivedOn: r.archived_on,
    participationFrom: r.participation_from,
    participationTo: r.participation_to,
    reviewSubmittedOn: r.review_submitted_on,
    version: r.version,
    steps: x.full ? steps(r) : [],
    clocks: x.full ? clocks(r, x.cal, x.today) : [],
    actions: decisionActions(r.status, decisionFacts(r, x.today), x.who),
  };
}

export function presentCatalogueItem(r: CatalogueWithOrg): CatalogueItemView {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    seq: r.seq,
    title: r.title,
    category: r.category,
    planned: r.planned,
    note: r.note,
    publishedOn: r.published_on,
    decisions: Number(r.decisions ?? 0),
    version: r.version,
  };
}

/** The public catalogue: published items grouped by year, newest first. */
export function presentPublicCatalogue(bureau: string, rows: ReadonlyArray<CatalogueWithOrg>): PublicCatalogueView {
  const years = new Map<number, PublicCatalogueView['years'][number]>();
  for (const r of rows) {
    const y = years.get(r.year) ?? { year: r.year, publishedOn: r.published_on, items: [] };
    if (r.published_on && (!y.publishedOn || r.published_on < y.publishedOn)) y.publishedOn = r.published_on;
    y.items.push({ seq: r.seq, title: r.title, category: r.category, unit: r.org_name, planned: r.planned });
    years.set(r.year, y);
  }
  return { bureau, years: [...years.values()] };
}

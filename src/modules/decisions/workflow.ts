/**
 * 重大行政决策流程 — a decision on the kernel's workflow engine: 拟定草案 (公众参与、专家论证、风险评估 as
 * the decision requires, or the reason each does not apply) → 送请合法性审查 → the legal office's
 * opinion (同意 / 修改后同意 → 待集体讨论; 不同意 → back to the draft) → 集体讨论决定 (the head decides:
 * 同意 → 已作出决定; 暂缓; 不同意 → 不予实施) → 公布 → 归档, with 决策后评估 at any time after the
 * decision. Rows: `*` is anyone holding `decisions.write` (the undertaking unit, the legal office);
 * `legal` is the legal office giving the review opinion (`decisions.review`).
 * Printable with `fazhi workflow decisions.decision`.
 */
import type { Actor } from '../../core/context.js';
import { actionsFor, defineWorkflow, requireTransition, type WorkflowAction } from '../../core/workflow/index.js';
import { missingSteps, REG, reviewPasses } from './rules.js';
import { DECISION_EVENT_LABELS, DECISION_STAGE_LABELS } from './labels.js';
import type { DecisionStatus, ReviewResult } from './schema.js';

export const STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = DECISION_STAGE_LABELS;

export const EVENT_LABELS = DECISION_EVENT_LABELS;
export type DecisionEvent = keyof typeof EVENT_LABELS;

/** What the guards read. */
export interface DecisionFacts {
  participation: { required: boolean; done: boolean };
  expert: { required: boolean; done: boolean };
  risk: { required: boolean; done: boolean };
  review: { result: ReviewResult | null };
  publication: { required: boolean; done: boolean };
  evaluated: boolean;
  /** The event's date (or today for the view). */
  on: string;
}

export const decisionGuards = {
  /** 公众参与、专家论证、风险评估 as required, each done (or stated not applicable). */
  stepsDone: (f: DecisionFacts) => missingSteps({ ...f, review: { result: '同意' } }),
  /** No discussion without 同意 or 修改后同意 (第二十五条). */
  legalityPassed: (f: DecisionFacts) =>
    reviewPasses(f.review.result)
      ? []
      : [
          f.review.result === '不同意'
            ? `合法性审查意见为不同意，不得提交集体讨论（${REG}第二十五条）`
            : `未经合法性审查（同意或修改后同意），不得提交集体讨论（${REG}第二十五条）`,
        ],
  /** Archived once published, or with the reason it is not (第三十二条、第三十三条). */
  publishedOrExempt: (f: DecisionFacts) =>
    !f.publication.required || f.publication.done ? [] : [`决策尚未公布（${REG}第三十二条）；依法不予公开的，应在程序适用中写明理由`],
  /** One post-decision evaluation per record (a later one is a new evaluation of the catalogue). */
  notEvaluated: (f: DecisionFacts) => (f.evaluated ? ['已登记决策后评估'] : []),
} as const;

const g = decisionGuards;

export const decisionWorkflow = defineWorkflow<DecisionStatus, DecisionEvent, DecisionFacts>({
  key: 'decisions.decision',
  label: '重大行政决策',
  stages: STATUS_LABELS,
  events: EVENT_LABELS,
  initial: 'drafting',
  guards: decisionGuards,
  guardLabels: {
    stepsDone: '应当履行的公众参与、专家论证、风险评估已完成（第十四条、第十九条、第二十二条）',
    legalityPassed: '合法性审查意见为同意或修改后同意（第二十五条）',
    publishedOrExempt: '已公布，或依法不予公开（第三十二条）',
    notEvaluated: '尚未登记决策后评估',
  },
  whoLabels: { '*': '决策承办单位、法制机构经办人员', legal: '法制机构（合法性审查）' },
  matrix: {
    '*': {
      drafting: {
        scope: {},
        consult: {},
        participation: {},
        expert: {},
        risk: {},
        submit_review: { to: 'in_review', if: [g.stepsDone] },
      },
      reviewed: {
        decide: { to: 'made', if: [g.stepsDone, g.legalityPassed] },
        defer: { if: [g.legalityPassed] },
        reject: { to: 'rejected', if: [g.legalityPassed] },
      },
      made: { publish: { to: 'published' }, evaluate: { if: [g.notEvaluated] }, archive: { to: 'archived', if: [g.publishedOrExempt] } },
      published: { evaluate: { if: [g.notEvaluated] }, archive: { to: 'archived' } },
      archived: { evaluate: { if: [g.notEvaluated] } },
      rejected: { archive: { to: 'archived' } },
    },
    legal: {
      in_review: { review_pass: { to: 'reviewed' }, review_fail: { to: 'drafting' } },
    },
  },
});

/** The rows of the matrix an actor holds. */
export const decisionWho = (actor: Pick<Actor, 'permissions'>): string[] => [
  ...(actor.permissions.has('decisions.write') ? ['*'] : []),
  ...(actor.permissions.has('decisions.review') ? ['legal'] : []),
];

export type DecisionActionView = WorkflowAction<DecisionEvent, DecisionStatus>;

export function decisionActions(status: DecisionStatus, facts: DecisionFacts, who: readonly string[]): DecisionActionView[] {
  return actionsFor(decisionWorkflow, who, status, facts);
}

export function requireDecisionStep(who: readonly string[], status: DecisionStatus, event: DecisionEvent, facts: DecisionFacts) {
  return requireTransition(decisionWorkflow, who, { stage: status, event, facts, code: 'ACTION_NOT_ALLOWED' });
}

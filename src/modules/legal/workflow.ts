/**
 * 合法性审查 and the 行政规范性文件 lifecycle on the kernel's workflow engine (`legal.document`).
 *
 * - A major decision or 三重一大 matter: 送审 (待审查) → 合法性审查 (已审查; again after 存在问题) →
 *   印发 / 作出决策, only after a review of 同意 (国办发〔2018〕115号; 《重大行政决策程序暂行条例》第二十五条).
 * - A normative document (国办发〔2018〕37号): 起草 → 公开征求意见 → 送合法性审核 (after the comment
 *   period) → 合法性审核 (同意, its checklist) → 集体审议 → 统一编号公布 (现行有效) → 备案 → 清理
 *   (继续有效 / 修改 / 废止) → 已废止. 已失效 (past the validity) is read from the dates, not a stage.
 *
 * Rows are roles: the legal office reviews (`legal.review`) and runs the steps; the leadership
 * deliberates, issues, publishes, cleans up and repeals; the administrator does what the legal office
 * does but review; the outside lawyer advises, never acts. Printable with `fazhi workflow legal.document`.
 */
import { DOCUMENT_STAGE_LABELS } from './labels.js';
import { actionsFor, defineWorkflow, requireTransition, type WorkflowAction } from '../../core/workflow/index.js';
import type { Selectable } from 'kysely';
import type { DocumentKind, LegalTables } from './schema.js';
import { commentEnded, deliberatedFirst, normativeOnly, notFiledYet, notNormative, reviewedFirst, reviewLawful } from './rules.js';

export type DocumentStage = LegalTables['legal_document']['status'];

export const DOCUMENT_STAGES: Readonly<Record<DocumentStage, string>> = DOCUMENT_STAGE_LABELS;
export const DOCUMENT_EVENTS = {
  openComment: '公开征求意见',
  submit: '送合法性审核',
  review: '合法性审查',
  deliberate: '集体审议',
  issue: '印发 / 作出决策',
  publish: '统一编号公布',
  file: '报送备案',
  clean: '清理',
  repeal: '废止',
} as const;
export type DocumentEvent = keyof typeof DOCUMENT_EVENTS;

/** The events a kind of document takes (the others are never offered for it). */
export const EVENTS_OF_KIND: Record<DocumentKind, readonly DocumentEvent[]> = {
  规范性文件: ['openComment', 'submit', 'review', 'deliberate', 'publish', 'file', 'clean', 'repeal'],
  重大行政决策: ['review', 'issue'],
  三重一大: ['review', 'issue'],
};

/** What the document guards read. */
export interface DocumentFacts {
  kind: DocumentKind;
  reviewResult: string | null;
  commentUntil: string | null;
  deliberatedOn: string | null;
  filedOn: string | null;
  /** The day of the step (the date it records; today when listing the actions). */
  on: string;
}

export const documentGuards = { reviewedFirst, reviewLawful, notNormative, normativeOnly, commentEnded, deliberatedFirst, notFiledYet } as const;

const issue = { to: 'issued', if: [reviewedFirst, reviewLawful, notNormative] } as const;
const deliberate = { to: 'deliberated', if: [normativeOnly, reviewedFirst, reviewLawful] } as const;
const publish = { to: 'published', if: [normativeOnly, deliberatedFirst], after: ['track_normative'] } as const;
const file = { if: [normativeOnly, notFiledYet], after: ['track_filing'] } as const;
const inForce = {
  clean: { if: [normativeOnly], after: ['close_reminder'] },
  repeal: { to: 'repealed', if: [normativeOnly], after: ['close_reminder'] },
} as const;
const drafting = {
  drafting: { openComment: { to: 'commenting', if: [normativeOnly] } },
  commenting: { submit: { to: 'submitted', if: [normativeOnly, commentEnded] } },
} as const;

/**
 * What `applyDocumentEvent` runs after a step's write: `track_normative` — the 备案 deadline and the
 * reminder before expiry of a published document; `track_filing` — the filing deadline done on the day
 * filed; `close_reminder` — the reminder before expiry done (a cleanup or a repeal evaluated the document).
 */
export type DocumentEffect = 'track_normative' | 'track_filing' | 'close_reminder';

export const documentWorkflow = defineWorkflow<DocumentStage, DocumentEvent, DocumentFacts, DocumentEffect>({
  key: 'legal.document',
  label: '送审文件（行政规范性文件、重大行政决策、“三重一大”事项）',
  stages: DOCUMENT_STAGES,
  events: DOCUMENT_EVENTS,
  // A normative document starts as a draft; a decision or 三重一大 matter enters at 送审 (待审查).
  initial: 'drafting',
  guards: documentGuards,
  guardLabels: {
    reviewedFirst: '已经合法性审查（国办发〔2018〕115号；重大行政决策程序暂行条例第二十五条）',
    reviewLawful: '审查意见为“同意”',
    notNormative: '不是行政规范性文件（规范性文件统一编号公布，国办发〔2018〕37号）',
    normativeOnly: '是行政规范性文件',
    commentEnded: '公开征求意见期限已届满（国办发〔2018〕37号）',
    deliberatedFirst: '已经集体审议决定（国办发〔2018〕37号）',
    notFiledYet: '尚未报送备案',
  },
  whoLabels: { legal: '依法行政办（合法性审查）', leader: '局领导', admin: '系统管理员' },
  matrix: {
    legal: {
      ...drafting,
      submitted: { review: { to: 'reviewed' }, deliberate, issue },
      reviewed: { review: {}, deliberate, issue },
      deliberated: { publish },
      published: { file, ...inForce },
    },
    leader: {
      submitted: { deliberate, issue },
      reviewed: { deliberate, issue },
      deliberated: { publish },
      published: inForce,
    },
    admin: {
      ...drafting,
      submitted: { deliberate, issue },
      reviewed: { deliberate, issue },
      deliberated: { publish },
      published: { file, ...inForce },
    },
  },
});

type FactsRow = Pick<Selectable<LegalTables['legal_document']>, 'kind' | 'review_result' | 'comment_until' | 'deliberated_on' | 'filed_on'>;

/** The facts of a document row on a day (the step's date, or today). */
export const documentFacts = (r: FactsRow, on: string): DocumentFacts => ({
  kind: r.kind,
  reviewResult: r.review_result,
  commentUntil: (r.comment_until ?? null) as string | null,
  deliberatedOn: (r.deliberated_on ?? null) as string | null,
  filedOn: (r.filed_on ?? null) as string | null,
  on,
});

export type DocumentActionView = WorkflowAction<DocumentEvent, DocumentStage>;

/** A document's actions for the actor's roles, in the engine's one shape (only the events its kind takes). */
export function documentActions(stage: DocumentStage, facts: DocumentFacts, roles: readonly string[]): DocumentActionView[] {
  const own = EVENTS_OF_KIND[facts.kind];
  return actionsFor(documentWorkflow, roles, stage, facts).filter((a) => own.includes(a.event));
}

const DONE: readonly DocumentStage[] = ['issued', 'published', 'repealed'];

/** The refusal's code, as the steps answered before the engine. */
function refusalCode(stage: DocumentStage, event: DocumentEvent, facts: DocumentFacts): string {
  if (event === 'issue' || event === 'deliberate') {
    if (DONE.includes(stage) || stage === 'deliberated') return 'ALREADY_ISSUED';
    if (facts.reviewResult === null) return 'LEGAL_REVIEW_REQUIRED';
    if (facts.reviewResult !== '同意') return 'LEGAL_REVIEW_FAILED';
    return event === 'issue' ? 'NORMATIVE_PUBLISHED_BY_NUMBER' : 'NOT_NORMATIVE';
  }
  if (event === 'submit' && stage === 'commenting') return 'COMMENT_PERIOD_OPEN';
  if (event === 'publish' && stage === 'deliberated') return 'NOT_NORMATIVE';
  if (event === 'file' && facts.filedOn) return 'ALREADY_FILED';
  return 'STAGE_GATE';
}

/**
 * The step now, or the 422 naming why not (`LEGAL_REVIEW_REQUIRED`, `LEGAL_REVIEW_FAILED`, `ALREADY_ISSUED`,
 * `COMMENT_PERIOD_OPEN`, `NORMATIVE_PUBLISHED_BY_NUMBER`, `ALREADY_FILED`, `STAGE_GATE`).
 */
export function requireDocumentStep(roles: readonly string[], stage: DocumentStage, event: DocumentEvent, facts: DocumentFacts) {
  return requireTransition(documentWorkflow, roles, { stage, event, facts, code: refusalCode(stage, event, facts) });
}

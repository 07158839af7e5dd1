/**
 * 合法性审查 — a normative document's, major decision's or 三重一大 matter's lifecycle on the
 * kernel's workflow engine: 送审 (待审查) → 合法性审查 (已审查; again after 存在问题) → 印发 /
 * 作出决策, only after a review of 同意 (国办发〔2018〕115号; 《重大行政决策程序暂行条例》第二十五条).
 * Rows are roles: the legal office reviews (`legal.review`); the legal office, the leadership
 * and the administrator issue (`legal.documents.issue`) — the outside lawyer advises, never
 * issues. Printable with `fazhi workflow legal.document`.
 */
import { actionsFor, defineWorkflow, requireTransition, type WorkflowAction } from '../../core/workflow/index.js';
import type { DocumentKind, LegalTables } from './schema.js';
import { reviewedFirst, reviewLawful } from './rules.js';

export type DocumentStage = LegalTables['legal_document']['status'];

export const DOCUMENT_STAGES: Record<DocumentStage, string> = { submitted: '待审查', reviewed: '已审查', issued: '已印发/已决策' };
export const DOCUMENT_EVENTS = { review: '合法性审查', issue: '印发 / 作出决策' } as const;
export type DocumentEvent = keyof typeof DOCUMENT_EVENTS;

/** What the document guards read. */
export interface DocumentFacts {
  kind: DocumentKind;
  reviewResult: string | null;
}

export const documentGuards = { reviewedFirst, reviewLawful } as const;

const issuer = {
  submitted: { issue: { to: 'issued', if: [reviewedFirst, reviewLawful] } },
  reviewed: { issue: { to: 'issued', if: [reviewedFirst, reviewLawful] } },
} as const;

export const documentWorkflow = defineWorkflow<DocumentStage, DocumentEvent, DocumentFacts>({
  key: 'legal.document',
  label: '送审文件（规范性文件、重大行政决策、“三重一大”事项）',
  stages: DOCUMENT_STAGES,
  events: DOCUMENT_EVENTS,
  initial: 'submitted',
  guards: documentGuards,
  guardLabels: {
    reviewedFirst: '已经合法性审查（国办发〔2018〕115号；重大行政决策程序暂行条例第二十五条）',
    reviewLawful: '审查意见为“同意”',
  },
  whoLabels: { legal: '依法行政办（合法性审查）', leader: '局领导', admin: '系统管理员' },
  matrix: {
    legal: {
      submitted: { review: { to: 'reviewed' }, ...issuer.submitted },
      reviewed: { review: {}, ...issuer.reviewed },
    },
    leader: issuer,
    admin: issuer,
  },
});

/** The facts of a document row. */
export const documentFacts = (r: { kind: DocumentKind; review_result: string | null }): DocumentFacts => ({ kind: r.kind, reviewResult: r.review_result });

export type DocumentActionView = WorkflowAction<DocumentEvent, DocumentStage>;

/** A document's actions for the actor's roles, in the engine's one shape. */
export function documentActions(stage: DocumentStage, facts: DocumentFacts, roles: readonly string[]): DocumentActionView[] {
  return actionsFor(documentWorkflow, roles, stage, facts);
}

/** The refusal's code, as the steps answered before the engine. */
function refusalCode(stage: DocumentStage, event: DocumentEvent, facts: DocumentFacts): string {
  if (stage === 'issued') return 'ALREADY_ISSUED';
  if (event === 'issue') return facts.reviewResult === null ? 'LEGAL_REVIEW_REQUIRED' : 'LEGAL_REVIEW_FAILED';
  return 'STAGE_GATE';
}

/** The step now, or the 422 naming why not (`LEGAL_REVIEW_REQUIRED`, `LEGAL_REVIEW_FAILED`, `ALREADY_ISSUED`). */
export function requireDocumentStep(roles: readonly string[], stage: DocumentStage, event: DocumentEvent, facts: DocumentFacts) {
  return requireTransition(documentWorkflow, roles, { stage, event, facts, code: refusalCode(stage, event, facts) });
}

import { describe, expect, it } from 'vitest';
import { eventsFor, workflowProblems } from '../../core/workflow/index.js';
import {
  type DocumentEvent,
  type DocumentFacts,
  type DocumentStage,
  DOCUMENT_STAGES,
  documentActions,
  documentWorkflow,
  requireDocumentStep,
} from './workflow.js';

const doc = (kind: DocumentFacts['kind'], reviewResult: string | null, more: Partial<DocumentFacts> = {}): DocumentFacts => ({
  kind,
  reviewResult,
  commentUntil: null,
  deliberatedOn: null,
  filedOn: null,
  on: '2023-06-01',
  ...more,
});
const norm = (more: Partial<DocumentFacts> = {}) => doc('规范性文件', '同意', more);

describe('合法性审查 before issue or decision (legal.document)', () => {
  it('is sound', () => expect(workflowProblems(documentWorkflow)).toEqual([]));

  it.each<[string, DocumentStage, DocumentFacts, string, RegExp]>([
    ['a major decision never reviewed', 'submitted', doc('重大行政决策', null), 'LEGAL_REVIEW_REQUIRED', /重大行政决策程序暂行条例》第二十五条/],
    ['a major decision found with problems', 'reviewed', doc('重大行政决策', '存在问题'), 'LEGAL_REVIEW_FAILED', /须修改后重新送审/],
    ['a 三重一大 matter never reviewed', 'submitted', doc('三重一大', null), 'LEGAL_REVIEW_REQUIRED', /三重一大/],
    ['a decision already made', 'issued', doc('重大行政决策', '同意'), 'ALREADY_ISSUED', /当前阶段（已印发\/已决策）不能印发/],
    ['a normative document (published under the unified number instead)', 'reviewed', norm(), 'NORMATIVE_PUBLISHED_BY_NUMBER', /统一编号/],
  ])('refuses to issue %s', (_n, stage, ...[facts, code, msg]) => {
    expect(() => requireDocumentStep(['legal'], stage, 'issue', facts)).toThrow(expect.objectContaining({ code }));
    expect(() => requireDocumentStep(['legal'], stage, 'issue', facts)).toThrow(msg);
  });
  it('issues a decision reviewed 同意', () => expect(requireDocumentStep(['leader'], 'reviewed', 'issue', doc('重大行政决策', '同意')).to).toBe('issued'));
});

describe('the normative lifecycle (国办发〔2018〕37号)', () => {
  it.each<[string, DocumentStage, DocumentEvent, DocumentFacts, string, RegExp]>([
    [
      'submit on the last day of the comment period',
      'commenting',
      'submit',
      norm({ commentUntil: '2023-06-01', on: '2023-06-01' }),
      'COMMENT_PERIOD_OPEN',
      /届满后方可送合法性审核/,
    ],
    ['deliberate a draft never reviewed', 'submitted', 'deliberate', doc('规范性文件', null), 'LEGAL_REVIEW_REQUIRED', /国办发〔2018〕115号/],
    ['deliberate a draft found with problems', 'reviewed', 'deliberate', doc('规范性文件', '存在问题'), 'LEGAL_REVIEW_FAILED', /存在问题/],
    ['deliberate a major decision here', 'reviewed', 'deliberate', doc('重大行政决策', '同意'), 'NOT_NORMATIVE', /仅适用于行政规范性文件/],
    ['file twice', 'published', 'file', norm({ filedOn: '2023-06-10' }), 'ALREADY_FILED', /已于2023-06-10报送备案/],
    ['publish before deliberation', 'reviewed', 'publish', norm(), 'STAGE_GATE', /不能统一编号公布/],
    ['repeal a repealed document', 'repealed', 'repeal', norm(), 'STAGE_GATE', /不能废止/],
  ])('refuses to %s', (_n, stage, event, facts, code, msg) => {
    expect(() => requireDocumentStep(['legal'], stage, event, facts)).toThrow(expect.objectContaining({ code }));
    expect(() => requireDocumentStep(['legal'], stage, event, facts)).toThrow(msg);
  });

  it.each<[string, DocumentStage, DocumentEvent, DocumentFacts, DocumentStage | undefined]>([
    ['opens the comment period', 'drafting', 'openComment', norm({ reviewResult: null }), 'commenting'],
    ['submits the day after the comment period', 'commenting', 'submit', norm({ commentUntil: '2023-06-01', on: '2023-06-02' }), 'submitted'],
    ['deliberates after 同意', 'reviewed', 'deliberate', norm(), 'deliberated'],
    ['publishes after deliberation', 'deliberated', 'publish', norm({ deliberatedOn: '2023-06-01' }), 'published'],
    ['files once (the stage stays)', 'published', 'file', norm(), undefined],
    ['cleans up (the stage stays)', 'published', 'clean', norm(), undefined],
    ['repeals', 'published', 'repeal', norm(), 'repealed'],
  ])('%s', (_n, stage, event, facts, to) => expect(requireDocumentStep(['legal'], stage, event, facts).to).toBe(to));

  // The matrix: who may do what at each stage (listed, whatever the guards say).
  const MATRIX: Record<'legal' | 'leader' | 'admin' | 'advisor', Partial<Record<DocumentStage, DocumentEvent[]>>> = {
    legal: {
      drafting: ['openComment'],
      commenting: ['submit'],
      submitted: ['review', 'deliberate', 'issue'],
      reviewed: ['review', 'deliberate', 'issue'],
      deliberated: ['publish'],
      published: ['file', 'clean', 'repeal'],
    },
    leader: { submitted: ['deliberate', 'issue'], reviewed: ['deliberate', 'issue'], deliberated: ['publish'], published: ['clean', 'repeal'] },
    admin: {
      drafting: ['openComment'],
      commenting: ['submit'],
      submitted: ['deliberate', 'issue'],
      reviewed: ['deliberate', 'issue'],
      deliberated: ['publish'],
      published: ['file', 'clean', 'repeal'],
    },
    advisor: {},
  };
  for (const [role, byStage] of Object.entries(MATRIX))
    it.each(Object.keys(DOCUMENT_STAGES) as DocumentStage[])(`${role} at %s`, (stage) =>
      expect(eventsFor(documentWorkflow, [role], stage)).toEqual(byStage[stage] ?? []),
    );
});

describe('the actions a document shows', () => {
  it.each<[string, string[], DocumentStage, DocumentFacts, DocumentEvent[], DocumentEvent[]]>([
    ['the legal office, a new decision', ['legal'], 'submitted', doc('重大行政决策', null), ['review'], ['issue']],
    ['the legal office, after 存在问题', ['legal'], 'reviewed', doc('三重一大', '存在问题'), ['review'], ['issue']],
    ['the legal office, a decision after 同意', ['legal'], 'reviewed', doc('重大行政决策', '同意'), ['review', 'issue'], []],
    ['a leader, after 同意', ['leader'], 'reviewed', doc('重大行政决策', '同意'), ['issue'], []],
    ['the outside lawyer', ['advisor'], 'reviewed', doc('规范性文件', '同意'), [], []],
    ['anyone, an issued decision', ['legal', 'leader', 'admin'], 'issued', doc('重大行政决策', '同意'), [], []],
    ['the legal office, a draft', ['legal'], 'drafting', doc('规范性文件', null), ['openComment'], []],
    ['the legal office, a draft in comment', ['legal'], 'commenting', norm({ commentUntil: '2023-06-30' }), [], ['submit']],
    ['the legal office, a normative document after 同意 (no 印发)', ['legal'], 'reviewed', norm(), ['review', 'deliberate'], []],
    ['the legal office, a published normative document', ['legal'], 'published', norm(), ['file', 'clean', 'repeal'], []],
    ['a leader, a filed normative document', ['leader', 'legal'], 'published', norm({ filedOn: '2023-06-10' }), ['clean', 'repeal'], ['file']],
  ])('%s: allows %j, shows %j blocked', (_n, roles, stage, ...[facts, allowed, blocked]) => {
    const a = documentActions(stage, facts, roles);
    expect(a.filter((x) => x.allowed).map((x) => x.event)).toEqual(allowed);
    expect(a.filter((x) => !x.allowed).map((x) => x.event)).toEqual(blocked);
  });
});

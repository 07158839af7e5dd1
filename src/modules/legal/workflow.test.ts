import { describe, expect, it } from 'vitest';
import { workflowProblems } from '../../core/workflow/index.js';
import { type DocumentEvent, type DocumentFacts, type DocumentStage, documentActions, documentWorkflow, requireDocumentStep } from './workflow.js';

const doc = (kind: DocumentFacts['kind'], reviewResult: string | null): DocumentFacts => ({ kind, reviewResult });

describe('合法性审查 before issue or decision (legal.document)', () => {
  it('is sound', () => expect(workflowProblems(documentWorkflow)).toEqual([]));

  it.each<[string, DocumentStage, DocumentFacts, string, RegExp]>([
    ['a normative document never reviewed', 'submitted', doc('规范性文件', null), 'LEGAL_REVIEW_REQUIRED', /国办发〔2018〕115号/],
    ['a major decision never reviewed', 'submitted', doc('重大行政决策', null), 'LEGAL_REVIEW_REQUIRED', /重大行政决策程序暂行条例》第二十五条/],
    ['a major decision found with problems', 'reviewed', doc('重大行政决策', '存在问题'), 'LEGAL_REVIEW_FAILED', /须修改后重新送审/],
    ['a 三重一大 matter never reviewed', 'submitted', doc('三重一大', null), 'LEGAL_REVIEW_REQUIRED', /三重一大/],
    ['a document already issued', 'issued', doc('规范性文件', '同意'), 'ALREADY_ISSUED', /当前阶段（已印发\/已决策）不能印发/],
  ])('refuses to issue %s', (_n, stage, ...[facts, code, msg]) => {
    expect(() => requireDocumentStep(['legal'], stage, 'issue', facts)).toThrow(expect.objectContaining({ code }));
    expect(() => requireDocumentStep(['legal'], stage, 'issue', facts)).toThrow(msg);
  });
  it('issues a document reviewed 同意', () => expect(requireDocumentStep(['leader'], 'reviewed', 'issue', doc('规范性文件', '同意')).to).toBe('issued'));

  it.each<[string, string[], DocumentStage, DocumentFacts, DocumentEvent[], DocumentEvent[]]>([
    ['the legal office, a new document', ['legal'], 'submitted', doc('规范性文件', null), ['review'], ['issue']],
    ['the legal office, after 存在问题', ['legal'], 'reviewed', doc('规范性文件', '存在问题'), ['review'], ['issue']],
    ['the legal office, after 同意', ['legal'], 'reviewed', doc('规范性文件', '同意'), ['review', 'issue'], []],
    ['a leader, after 同意', ['leader'], 'reviewed', doc('重大行政决策', '同意'), ['issue'], []],
    ['a leader, a new document', ['leader'], 'submitted', doc('重大行政决策', null), [], ['issue']],
    ['the outside lawyer', ['advisor'], 'reviewed', doc('规范性文件', '同意'), [], []],
    ['anyone, an issued document', ['legal', 'leader', 'admin'], 'issued', doc('规范性文件', '同意'), [], []],
  ])('%s: allows %j, shows %j blocked', (_n, roles, stage, ...[facts, allowed, blocked]) => {
    const a = documentActions(stage, facts, roles);
    expect(a.filter((x) => x.allowed).map((x) => x.event)).toEqual(allowed);
    expect(a.filter((x) => !x.allowed).map((x) => x.event)).toEqual(blocked);
  });
});

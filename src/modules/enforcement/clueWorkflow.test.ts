import { describe, expect, it } from 'vitest';
import { eventsFor, matrixMarkdown, requireTransition, validateWorkflow } from '../../core/workflow/index.js';
import { CLUE_STAGES, clueActions, clueWho, clueWorkflow, type ClueStage } from './clueWorkflow.js';

/** The events listed for the clue's handling unit (`*`) at every stage: the legal office reviews this table. */
const LISTED: Record<ClueStage, string[]> = {
  open: ['file', 'transfer', 'feedback', 'close'],
  transferred: ['receive', 'feedback'],
  case: ['feedback'],
  closed: ['feedback'],
};

/** What a clue row allows now: [case, row, allowed events]. */
const ALLOWED: Array<[string, { status: ClueStage; transferred_on: string | null; receipt_on: string | null }, string[]]> = [
  ['a clue registered here', { status: 'open', transferred_on: null, receipt_on: null }, ['file', 'transfer', 'close']],
  ['a clue transferred here and not yet received', { status: 'transferred', transferred_on: '2023-05-04', receipt_on: null }, ['receive']],
  ['a transferred clue received', { status: 'open', transferred_on: '2023-05-04', receipt_on: '2023-05-05' }, ['file', 'transfer', 'feedback', 'close']],
  ['a received clue filed as a case', { status: 'case', transferred_on: '2023-05-04', receipt_on: '2023-05-05' }, ['feedback']],
  ['a clue of ours filed as a case', { status: 'case', transferred_on: null, receipt_on: null }, []],
  ['a clue closed without a case', { status: 'closed', transferred_on: null, receipt_on: null }, []],
];

describe('the clue workflow (stage → listed events)', () => {
  for (const [stage, events] of Object.entries(LISTED)) {
    it(`at ${CLUE_STAGES[stage as ClueStage]}: ${events.join(', ') || 'nothing'}`, () => {
      expect(eventsFor(clueWorkflow, clueWho(true), stage as ClueStage)).toEqual(events);
    });
  }
  it('lists nothing for someone who does not handle the clue’s unit', () => {
    for (const stage of Object.keys(CLUE_STAGES)) expect(eventsFor(clueWorkflow, clueWho(false), stage as ClueStage)).toEqual([]);
  });
  it('is valid at start-up and prints for the legal office', () => {
    expect(() => validateWorkflow(clueWorkflow)).not.toThrow();
    expect(matrixMarkdown(clueWorkflow)).toContain('| 线索办理单位人员 | 已移送（待签收） | 签收 | 待处理 | — |');
  });
});

describe('the clue actions in the one shape', () => {
  for (const [name, row, allowed] of ALLOWED) {
    it(`${name}: ${allowed.join(', ') || 'nothing'} allowed`, () => {
      expect(
        clueActions(row, true)
          .filter((a) => a.allowed)
          .map((a) => a.event),
      ).toEqual(allowed);
    });
  }
  it('says why feedback waits for the receipt, and the command is refused with it', () => {
    const row = { status: 'transferred' as const, transferred_on: '2023-05-04', receipt_on: null };
    expect(clueActions(row, true).find((a) => a.event === 'feedback')).toEqual({
      event: 'feedback',
      label: '反馈',
      allowed: false,
      reasons: ['请先签收'],
      to: null,
    });
    expect(() =>
      requireTransition(clueWorkflow, clueWho(true), {
        stage: 'transferred',
        event: 'feedback',
        facts: { transferred: true, received: false },
        code: 'CLUE_NOT_RECEIVED',
      }),
    ).toThrow('请先签收');
    expect(() =>
      requireTransition(clueWorkflow, clueWho(true), {
        stage: 'closed',
        event: 'transfer',
        facts: { transferred: false, received: false },
        code: 'CLUE_NOT_OPEN',
      }),
    ).toThrow('当前阶段（已办结（未立案））不能移送');
  });
});

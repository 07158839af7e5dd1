import { describe, expect, it } from 'vitest';
import { actionsFor, defineWorkflow, matrixMarkdown, matrixRows, requireTransition, validateWorkflow, workflowProblems } from './index.js';

interface F {
  paid: boolean;
}
const paid = (f: F) => (f.paid ? [] : ['尚未缴纳罚款（行政处罚法第六十六条）']);
const wf = defineWorkflow<'open' | 'done', 'pay' | 'close' | 'note', F>({
  key: 'test.thing',
  label: '测试事项',
  stages: { open: '办理中', done: '已办结' },
  events: { pay: '缴款', close: '办结', note: '备注' },
  initial: 'open',
  guards: { paid },
  guardLabels: { paid: '已缴款' },
  matrix: {
    enforcement: { open: { pay: {}, close: { to: 'done', if: [paid] } } },
    '*': { open: { note: {} }, done: { note: {} } },
  },
});

describe('workflow engine', () => {
  it('validates a sound workflow', () => {
    expect(workflowProblems(wf)).toEqual([]);
  });
  it.each([
    [
      'an unknown target stage',
      { matrix: { enforcement: { open: { pay: {}, close: { to: 'nowhere' } }, done: { note: {} } } } },
      /goes to unknown stage nowhere/,
    ],
    ['an unreachable stage', { matrix: { enforcement: { open: { pay: {}, close: {}, note: {} } } } }, /stage done is unreachable/],
    ['an event never allowed', { matrix: { enforcement: { open: { pay: {}, close: { to: 'done' } } } } }, /event note is never allowed/],
    ['an unknown role', { matrix: { janitor: { open: { pay: {}, close: { to: 'done' }, note: {} } } } }, /unknown role janitor/],
    ['an unknown stage row', { matrix: { '*': { open: { pay: {}, close: { to: 'done' }, note: {} }, limbo: { note: {} } } } }, /lists unknown stage limbo/],
    ['an unknown event', { matrix: { '*': { open: { pay: {}, close: { to: 'done' }, note: {}, fly: {} } } } }, /lists unknown event fly/],
    ['an unnamed guard', { matrix: { '*': { open: { pay: {}, close: { to: 'done', if: [() => []] }, note: {} } } } }, /guard not named in guards/],
    ['an unknown initial stage', { initial: 'nowhere' }, /unknown initial stage nowhere/],
  ])('refuses %s', (_n, patch, re) => {
    expect(() => validateWorkflow({ ...wf, ...patch } as never)).toThrow(re);
  });
  it('lists each event of the actor’s rows with whether it is allowed and why not', () => {
    expect(actionsFor(wf, ['enforcement'], 'open', { paid: false })).toEqual([
      { event: 'pay', label: '缴款', allowed: true, reasons: [], to: null },
      { event: 'close', label: '办结', allowed: false, reasons: ['尚未缴纳罚款（行政处罚法第六十六条）'], to: 'done' },
    ]);
    expect(actionsFor(wf, ['viewer', '*'], 'done', { paid: true }).map((a) => a.event)).toEqual(['note']);
  });
  it('refuses an event not listed at the stage and one whose guard blocks, naming why', () => {
    expect(() => requireTransition(wf, ['*'], { stage: 'open', event: 'close', facts: { paid: true } })).toThrow('当前阶段（办理中）不能办结');
    expect(() => requireTransition(wf, ['enforcement'], { stage: 'open', event: 'close', facts: { paid: false } })).toThrow('尚未缴纳罚款');
    expect(requireTransition(wf, ['enforcement'], { stage: 'open', event: 'close', facts: { paid: true } }).to).toBe('done');
  });
  it('prints the matrix with Chinese labels', () => {
    expect(matrixRows(wf)[1]).toMatchObject({ whoLabel: '执法人员', stageLabel: '办理中', eventLabel: '办结', toLabel: '已办结', guards: ['已缴款'] });
    expect(matrixMarkdown(wf)).toContain('| 经办人员 | 已办结 | 备注 | （不变） | — |');
  });
});

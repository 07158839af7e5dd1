import { describe, expect, it } from 'vitest';
import { matrixMarkdown, workflowProblems } from '../../core/workflow/index.js';
import type { DemandStatus } from './schema.js';
import { demandActions, demandWorkflow, requireDemandTransition, type DemandAction, type DemandFlowKind } from './workflow.js';

const base = { replyLabel: '答复', closeLabel: '办结', evaluateLabel: '评价' };
/** The four kinds' steps as they declare them (12345, 信访, 建议提案, 依申请公开). */
const hotline: DemandFlowKind = {
  entity: 'hotline.order',
  label: '12345工单',
  steps: { ...base, sign: { label: '签收' }, pause: false, extend: true, return: true },
};
const petition: DemandFlowKind = {
  entity: 'petitions.petition',
  label: '信访件',
  steps: { ...base, sign: { label: '受理' }, pause: false, extend: true, return: false },
};
const proposal: DemandFlowKind = { entity: 'proposals.proposal', label: '建议提案', steps: { ...base, sign: null, pause: false, extend: true, return: false } };
const disclosure: DemandFlowKind = {
  entity: 'disclosure.request',
  label: '依申请公开',
  steps: { ...base, sign: null, pause: true, extend: true, return: false },
};

const allowed = (k: DemandFlowKind, stage: DemandStatus, satisfaction: string | null = null) =>
  demandActions(demandWorkflow(k), stage, { satisfaction })
    .filter((a) => a.allowed)
    .map((a) => a.event);

describe('demand workflows on the kernel engine', () => {
  it.each([hotline, petition, proposal, disclosure])('$entity is a sound workflow keyed by its entity', (k) => {
    expect(demandWorkflow(k).key).toBe(k.entity);
    expect(workflowProblems(demandWorkflow(k))).toEqual([]);
    expect(demandWorkflow(k)).toBe(demandWorkflow(k));
  });

  // kind, stage → the events allowed there (evaluation not yet given)
  it.each<[string, DemandFlowKind, DemandStatus, DemandAction[]]>([
    ['12345', hotline, 'received', ['assign']],
    ['12345', hotline, 'assigned', ['assign', 'sign', 'return']],
    ['12345', hotline, 'handling', ['assign', 'return', 'extend', 'reply']],
    ['12345', hotline, 'replied', ['close', 'evaluate']],
    ['12345', hotline, 'closed', ['evaluate']],
    ['信访', petition, 'assigned', ['assign', 'sign']],
    ['信访', petition, 'handling', ['assign', 'extend', 'reply']],
    ['建议提案', proposal, 'received', ['assign']],
    ['建议提案', proposal, 'handling', ['assign', 'extend', 'reply']],
    ['依申请公开', disclosure, 'handling', ['assign', 'pause', 'extend', 'reply']],
    ['依申请公开', disclosure, 'paused', ['resume', 'extend']],
    ['依申请公开', disclosure, 'replied', ['close', 'evaluate']],
  ])('%s at %s allows exactly the listed events', (_n, k, stage, events) => {
    expect(allowed(k, stage)).toEqual(events);
  });

  it('lists the kind’s every event in the one shape, the others disabled with why not', () => {
    const acts = demandActions(demandWorkflow(hotline), 'assigned', { satisfaction: null });
    expect(acts.map((a) => a.event)).toEqual(['assign', 'sign', 'return', 'extend', 'reply', 'close', 'evaluate']);
    expect(acts[1]).toEqual({ event: 'sign', label: '签收', allowed: true, reasons: [], to: 'handling' });
    expect(acts[4]).toEqual({ event: 'reply', label: '答复', allowed: false, reasons: ['只有办理中的事项可以答复（中止计时的请先恢复）'], to: null });
    expect(demandActions(demandWorkflow(proposal), 'handling', { satisfaction: null }).map((a) => a.event)).toEqual([
      'assign',
      'extend',
      'reply',
      'close',
      'evaluate',
    ]);
  });

  it('assigns to 待签收 with a sign step and straight to 办理中 without one', () => {
    expect(requireDemandTransition(demandWorkflow(hotline), 'received', 'assign', { satisfaction: null }).to).toBe('assigned');
    expect(requireDemandTransition(demandWorkflow(proposal), 'received', 'assign', { satisfaction: null }).to).toBe('handling');
  });

  it.each<[string, [DemandFlowKind, DemandStatus, DemandAction, string | null], string]>([
    ['a second evaluation', [hotline, 'closed', 'evaluate', '满意'], '已评价，不能重复评价'],
    ['a reply before signing', [hotline, 'assigned', 'reply', null], '只有办理中的事项可以答复（中止计时的请先恢复）'],
    ['closing before the reply', [petition, 'handling', 'close', null], '答复后才能办结'],
    ['signing a kind without the step', [proposal, 'handling', 'sign', null], '本类事项无需签收'],
    ['returning a kind without the step', [petition, 'handling', 'return', null], '本类事项不能退回'],
    ['returning a kind without the step, at a stage no kind returns from', [petition, 'replied', 'return', null], '只有待签收或办理中的事项可以退回'],
    ['pausing a kind without the step', [hotline, 'handling', 'pause', null], '本类事项不能中止计时'],
    ['resuming what is not paused', [disclosure, 'handling', 'resume', null], '事项没有中止计时'],
    ['assigning after the reply', [disclosure, 'replied', 'assign', null], '已答复或办结的事项不能再派单'],
  ])('refuses %s with 422 ACTION_NOT_ALLOWED naming why', (_n, [k, stage, event, satisfaction], message) => {
    expect(() => requireDemandTransition(demandWorkflow(k), stage, event, { satisfaction })).toThrow(
      expect.objectContaining({ code: 'ACTION_NOT_ALLOWED', message }),
    );
  });

  it('prints the matrix in the kind’s words', () => {
    const md = matrixMarkdown(demandWorkflow(petition));
    expect(md).toContain('| 信访件办理人员 | 待签收 | 受理 | 办理中 | — |');
    expect(md).toContain('| 信访件办理人员 | 已办结 | 评价 | （不变） | 尚未评价 |');
    expect(md).not.toContain('中止计时');
  });
});

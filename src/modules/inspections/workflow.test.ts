import { describe, expect, it } from 'vitest';
import { workflowProblems } from '../../core/workflow/index.js';
import {
  planActions,
  planStage,
  planWorkflow,
  requireDraw,
  requireTaskStep,
  type TaskEvent,
  type TaskStage,
  taskActions,
  taskStage,
  taskWorkflow,
} from './workflow.js';

const manager = ['*'];

describe('the 双随机 workflows (inspections.plan, inspections.task)', () => {
  it.each([planWorkflow, taskWorkflow])('$key is sound', (wf) => expect(workflowProblems(wf)).toEqual([]));

  it.each([
    ['a plan without a draw', {}, 'draft', ['draw']],
    ['a drawn plan', { draw_id: 'd' }, 'drawn', []],
  ] as const)('%s is %s and allows %j', (_n, plan, stage, events) => {
    expect(planStage(plan)).toBe(stage);
    expect(planActions(stage, manager).map((a) => a.event)).toEqual(events);
  });
  it('draws a plan once (ALREADY_DRAWN)', () => {
    expect(requireDraw('draft', manager).to).toBe('drawn');
    expect(() => requireDraw('drawn', manager)).toThrow(expect.objectContaining({ code: 'ALREADY_DRAWN' }));
  });

  it.each<[string, { inspected_on: string | null; published_on: string | null }, TaskStage, TaskEvent[]]>([
    ['a drawn task', { inspected_on: null, published_on: null }, 'pending', ['result']],
    ['an inspected task', { inspected_on: '2023-05-10', published_on: null }, 'inspected', ['publish']],
    ['a published task', { inspected_on: '2023-05-10', published_on: '2023-05-15' }, 'published', []],
  ])('%s is %s and allows %j', (_n, task, stage, events) => {
    expect(taskStage(task)).toBe(stage);
    expect(taskActions(stage, manager).map((a) => a.event)).toEqual(events);
    expect(taskActions(stage, [])).toEqual([]);
  });
  it.each<[TaskStage, TaskEvent, string]>([
    ['inspected', 'result', 'ALREADY_RECORDED'],
    ['published', 'result', 'ALREADY_RECORDED'],
    ['pending', 'publish', 'RESULT_REQUIRED'],
    ['published', 'publish', 'ALREADY_PUBLISHED'],
  ])('refuses at %s the event %s with %s', (stage, event, code) =>
    expect(() => requireTaskStep(stage, event, manager)).toThrow(expect.objectContaining({ code })),
  );
});

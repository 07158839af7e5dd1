import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createCalendar } from '../../core/calendar/calendar.js';
import { type DrawChanges, PLAN_EVENT_COMMANDS, type PlanEventFacts, TASK_EVENT_COMMANDS, type TaskChanges, type TaskEventFacts } from './events.js';
import { runDraw } from './draw.js';
import type { TaskRow } from './repository.js';
import { PLAN_EVENTS, TASK_EVENTS } from './workflow.js';

const calendar = createCalendar({});
const task = (over: Partial<TaskRow> = {}): TaskRow => ({ inspected_on: null, published_on: null, ...over }) as TaskRow;
const inspected = task({ inspected_on: '2023-05-10' });
const onTask = <E extends keyof typeof TASK_EVENT_COMMANDS>(e: E, t: TaskRow, input: Record<string, unknown>) =>
  (TASK_EVENT_COMMANDS[e].apply as (f: TaskEventFacts, i: Record<string, unknown>) => TaskChanges)({ t, calendar }, { version: 1, ...input });

/** Four entities (one struck off the register), three inspectors (one inactive), one conflict. */
const REGISTERS: PlanEventFacts = {
  plan: { ratio_bp: 5000, per_entity: 2, entity_kind: '排水户' },
  entities: [
    { id: 'e1', code: 'PS001', active: true },
    { id: 'e2', code: 'PS002', active: true },
    { id: 'e3', code: 'PS003', active: false },
    { id: 'e4', code: 'PS004', active: true },
  ],
  inspectors: [
    { id: 'i1', code: 'ZF01', active: true },
    { id: 'i2', code: 'ZF02', active: true },
    { id: 'i3', code: 'ZF03', active: true },
    { id: 'i4', code: 'ZF04', active: false },
  ],
  conflicts: [{ inspector_id: 'i1', entity_id: 'e2' }],
  freshSeed: '77',
};
const draw = (input: Record<string, unknown>, f: Partial<PlanEventFacts> = {}) =>
  (PLAN_EVENT_COMMANDS.draw.apply as (f: PlanEventFacts, i: Record<string, unknown>) => DrawChanges)({ ...REGISTERS, ...f }, input);
/** The snapshot the draw must record: the active entries only, conflicts by id. */
const SNAPSHOT = {
  ratioBp: 5000,
  perEntity: 2,
  entities: [
    { id: 'e1', code: 'PS001' },
    { id: 'e2', code: 'PS002' },
    { id: 'e4', code: 'PS004' },
  ],
  inspectors: [
    { id: 'i1', code: 'ZF01' },
    { id: 'i2', code: 'ZF02' },
    { id: 'i3', code: 'ZF03' },
  ],
  conflicts: [{ inspectorId: 'i1', entityId: 'e2' }],
};

const CHANGES: Array<[string, () => unknown, unknown]> = [
  [
    'no problem found: the 20-working-day publication term starts (国办发〔2019〕5号)',
    () => onTask('result', task(), { inspectedOn: '2023-05-10', result: '未发现问题', problems: '  ' }),
    { set: { inspected_on: '2023-05-10', result: '未发现问题', problems: null, publish_due_on: '2023-06-07' } },
  ],
  [
    'problems found, with their handling',
    () => onTask('result', task(), { inspectedOn: '2023-05-10', result: '发现问题已责令整改', problems: ' 雨污混接 ' }),
    { set: { inspected_on: '2023-05-10', result: '发现问题已责令整改', problems: '雨污混接', publish_due_on: '2023-06-07' } },
  ],
  [
    'the entity not found needs no account of problems',
    () => onTask('result', task(), { inspectedOn: '2023-05-10', result: '未找到检查对象' }),
    { set: { inspected_on: '2023-05-10', result: '未找到检查对象', problems: null, publish_due_on: '2023-06-07' } },
  ],
  ['published on the day of the inspection', () => onTask('publish', inspected, { publishedOn: '2023-05-10' }), { set: { published_on: '2023-05-10' } }],
  [
    'a draw from the announced seed records the active registers only and re-runs to the same picks',
    () => draw({ seed: ' 20230504 ', drawnOn: '2023-05-04' }),
    { draw: { seed: '20230504', drawn_on: '2023-05-04', input: { seed: '20230504', ...SNAPSHOT }, result: runDraw({ seed: '20230504', ...SNAPSHOT }) } },
  ],
  ['a draw without a seed takes the fresh one', () => draw({ seed: null, drawnOn: '2023-05-04' }).draw.seed, '77'],
];

const REFUSED: Array<[string, () => unknown, { field?: string; code?: string; message?: unknown }]> = [
  [
    'problems found without their account',
    () => onTask('result', task(), { inspectedOn: '2023-05-10', result: '发现问题已立案查处' }),
    { field: 'problems', message: '发现问题的，请填写问题及处理情况' },
  ],
  ['a result not on the list', () => onTask('result', task(), { inspectedOn: '2023-05-10', result: '基本合格' }), { field: 'result' }],
  ['an inspection date that does not exist', () => onTask('result', task(), { inspectedOn: '2023-02-29', result: '未发现问题' }), { field: 'inspectedOn' }],
  [
    'publication the day before the inspection',
    () => onTask('publish', inspected, { publishedOn: '2023-05-09' }),
    { field: 'publishedOn', message: '公示日期不能早于检查日期' },
  ],
  ['a draw date that does not exist', () => draw({ drawnOn: '2023-13-01' }), { field: 'drawnOn' }],
  [
    'a draw with no active entity of the item’s kind',
    () => draw({ drawnOn: '2023-05-04' }, { entities: [{ id: 'e3', code: 'PS003', active: false }] }),
    { code: 'NO_ENTITIES', message: '检查对象名录中没有类别为“排水户”的对象' },
  ],
];

describe('each inspection event’s pure apply', () => {
  for (const [name, run, expected] of CHANGES) it(name, () => expect(run()).toEqual(expected));
  for (const [name, run, want] of REFUSED) it(`refuses ${name}`, () => expect(run).toThrow(expect.objectContaining(want)));
  it('never sends an inspector to an entity they are in conflict with, always two to each', () => {
    for (const p of draw({ seed: '1', drawnOn: '2023-05-04' }).draw.result.picks) {
      expect(p.inspectorIds).toHaveLength(2);
      if (p.entityId === 'e2') expect(p.inspectorIds).not.toContain('i1');
    }
  });
});

describe('each inspection event’s input schema', () => {
  it('covers every event of both workflows', () => {
    expect(Object.keys(TASK_EVENT_COMMANDS).sort()).toEqual(Object.keys(TASK_EVENTS).sort());
    expect(Object.keys(PLAN_EVENT_COMMANDS).sort()).toEqual(Object.keys(PLAN_EVENTS).sort());
  });
  it('takes the event’s own fields (and a task’s version), nothing else', () => {
    expect(Value.Check(TASK_EVENT_COMMANDS.publish.input, { version: 1, publishedOn: '2023-05-10' })).toBe(true);
    expect(Value.Check(TASK_EVENT_COMMANDS.publish.input, { publishedOn: '2023-05-10' })).toBe(false);
    expect(Value.Check(TASK_EVENT_COMMANDS.result.input, { version: 1, inspectedOn: '2023-05-10', result: '未发现问题', inspectorIds: [] })).toBe(false);
    expect(Value.Check(PLAN_EVENT_COMMANDS.draw.input, { drawnOn: '2023-05-04' })).toBe(true);
    expect(Value.Check(PLAN_EVENT_COMMANDS.draw.input, { drawnOn: '2023-05-04', ratioBp: 10000 })).toBe(false);
  });
});

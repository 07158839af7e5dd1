// Each action of the demand lifecycle as a pure command: its closed input and its apply,
// table-tested with the four kinds' own definitions (their rules stay with the kind), each
// rule on both sides of its limit (the last value allowed and the first refused).
import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createCalendar } from '../../../src/core/calendar/calendar.js';
import { ACTIONS, DEMAND_EVENTS, type DemandKindDef, type ItemRow } from '../../../src/modules/demands/index.js';
import { type DemandChanges, type DemandEventFacts, demandEventFacts, recordPatch } from '../../../src/modules/demands/events.js';
import { disclosureKind } from '../../../src/modules/disclosure/index.js';
import { hotlineKind } from '../../../src/modules/hotline/index.js';
import { petitionKind } from '../../../src/modules/petitions/index.js';

const calendar = createCalendar({});
/** Tuesday 1 March 2022, 09:00 in Beijing. */
const RECEIVED = new Date('2022-03-01T09:00:00+08:00');
const NOW = new Date('2022-03-02T10:00:00+08:00');
/** 10 working days from 1 March 2022: due Tuesday 15 March. */
const RULE = { key: 't.handle', label: '办理时限', unit: 'workday' as const, n: 10, source: '测试' };

/** A record as loaded, with only the columns the actions read set. */
const item = (over: Partial<ItemRow> = {}): ItemRow =>
  ({
    status: 'handling',
    received_at: RECEIVED,
    rule: RULE,
    clock_start: '2022-03-01',
    pauses: [],
    extensions: [],
    restart_on: null,
    paused_since: null,
    pause_reason: null,
    replied_at: null,
    closed_at: null,
    due_on: '2022-03-15',
    satisfaction: null,
    attrs: {},
    ...over,
  }) as ItemRow;
/** A disclosure request: 20 working days from 1 March 2022, due Tuesday 29 March. */
const request = (over: Partial<ItemRow> = {}) =>
  item({ rule: { key: 'disclosure.reply', label: '答复期限', unit: 'workday', n: 20, source: '条例第三十三条' }, due_on: '2022-03-29', ...over });

const facts = (def: DemandKindDef, r: ItemRow, at?: string | null) => demandEventFacts(def, r, { calendar, at, now: NOW });
const apply = (def: DemandKindDef, r: ItemRow, action: keyof typeof DEMAND_EVENTS, input: Record<string, unknown>) =>
  (DEMAND_EVENTS[action].apply as (f: DemandEventFacts, i: Record<string, unknown>) => DemandChanges)(facts(def, r, input.at as string | undefined), {
    version: 1,
    ...input,
  });

describe('when an action happened', () => {
  it.each<[string, string | null, string]>([
    ['no time given: now', null, '2022-03-02'],
    ['a date: that day', '2022-03-05', '2022-03-05'],
    ['a Beijing date-time', '2022-03-05 23:30', '2022-03-05'],
    ['on the day of receipt (the first day allowed)', '2022-03-01', '2022-03-01'],
  ])('%s', (_n, at, on) => {
    const f = facts(hotlineKind, item(), at);
    expect(f.on).toBe(on);
    expect(f.receivedOn).toBe('2022-03-01');
  });
  it.each<[string, string, string]>([
    ['the day before receipt (the last day refused)', '2022-02-28 23:59', '日期不能早于受理日期2022-03-01'],
    ['an unreadable time', '2022-02-30', '时间格式无效：2022-02-30'],
  ])('refuses %s, naming at', (_n, at, message) => {
    expect(() => facts(hotlineKind, item(), at)).toThrow(expect.objectContaining({ field: 'at', message }));
  });
});

const same = { clock: expect.anything() };
const CHANGES: Array<[name: string, run: () => DemandChanges, expected: Partial<DemandChanges>]> = [
  [
    '派单 to a unit and a person, with a note; the sign step starts anew',
    () => apply(hotlineKind, item({ status: 'received' }), 'assign', { orgId: 'o1', assigneeId: 'u1', reason: ' 属本科职责 ' }),
    { set: { first_done_at: null }, note: { reason: '属本科职责' }, assignTo: { orgId: 'o1', assigneeId: 'u1' }, ...same },
  ],
  [
    '派单 without a person or a note',
    () => apply(hotlineKind, item({ status: 'received' }), 'assign', { orgId: 'o1' }),
    { set: { first_done_at: null }, note: {}, assignTo: { orgId: 'o1', assigneeId: null }, ...same },
  ],
  [
    '签收 (12345: the clock runs from receipt)',
    () => apply(hotlineKind, item({ status: 'assigned' }), 'sign', { at: '2022-03-02 08:30' }),
    { set: { first_done_at: new Date('2022-03-02T08:30:00+08:00') }, note: {}, clock: expect.objectContaining({ start: '2022-03-01' }) },
  ],
  [
    '受理 (信访: the clock starts on the day of acceptance)',
    () => apply(petitionKind, item({ status: 'assigned' }), 'sign', { at: '2022-03-04' }),
    {
      set: { first_done_at: new Date('2022-03-04T00:00:00+08:00'), clock_start: '2022-03-04' },
      note: {},
      clock: expect.objectContaining({ start: '2022-03-04' }),
    },
  ],
  [
    '退回 with its reason',
    () => apply(hotlineKind, item(), 'return', { reason: '不属本科职责' }),
    { set: { assignee_id: null, first_done_at: null }, note: { reason: '不属本科职责' }, ...same },
  ],
  [
    '中止计时 for consultation (not counted)',
    () => apply(disclosureKind, request(), 'pause', { reason: '征求第三方意见', at: '2022-03-08' }),
    { set: {}, note: { reason: '征求第三方意见' }, clock: expect.objectContaining({ pausedSince: '2022-03-08', pauseReason: '征求第三方意见' }) },
  ],
  [
    '补正告知 on the 7th working day after receipt (条例第三十条: the last day allowed)',
    () => apply(disclosureKind, request(), 'pause', { reason: '补正申请材料', at: '2022-03-10' }),
    { set: {}, note: { reason: '补正申请材料' }, clock: expect.objectContaining({ pausedSince: '2022-03-10' }) },
  ],
  [
    '恢复计时 on the day it was paused (the first day allowed)',
    () => apply(disclosureKind, request({ status: 'paused', paused_since: '2022-03-08', pause_reason: '征求第三方意见' }), 'resume', { at: '2022-03-08' }),
    {
      set: {},
      note: { reason: '征求第三方意见', pausedFrom: '2022-03-08' },
      clock: expect.objectContaining({ pausedSince: null, pauses: [{ from: '2022-03-08', to: '2022-03-08', reason: '征求第三方意见' }] }),
    },
  ],
  [
    '恢复计时 after a correction: the period runs anew from that day',
    () => apply(disclosureKind, request({ status: 'paused', paused_since: '2022-03-04', pause_reason: '补正申请材料' }), 'resume', { at: '2022-03-14' }),
    {
      set: {},
      note: { reason: '补正申请材料', pausedFrom: '2022-03-04', restartOn: '2022-03-14' },
      clock: expect.objectContaining({ restartOn: '2022-03-14', pausedSince: null }),
    },
  ],
  [
    '延期 up to the cap (12345: 10 working days in all, the last value allowed)',
    () => apply(hotlineKind, item(), 'extend', { n: 10, approvedBy: ' 李局长 ', approvedOn: '2022-03-10', reason: '需协调燃气管线迁改' }),
    {
      set: {},
      note: { n: 10, unit: 'workday', approvedBy: '李局长', approvedOn: '2022-03-10', reason: '需协调燃气管线迁改', count: 1 },
      clock: expect.objectContaining({
        extensions: [{ n: 10, unit: 'workday', approvedBy: '李局长', approvedOn: '2022-03-10', reason: '需协调燃气管线迁改' }],
      }),
    },
  ],
  [
    '延期 approved on the action’s day when no date is given',
    () => apply(hotlineKind, item(), 'extend', { n: 2, approvedBy: '李局长', reason: '需协调', at: '2022-03-09' }),
    { set: {}, note: expect.objectContaining({ approvedOn: '2022-03-09' }), ...same },
  ],
  [
    '延期 approved on the due date (条例第三十三条: the last day allowed)',
    () => apply(disclosureKind, request(), 'extend', { n: 20, approvedBy: '王主任', approvedOn: '2022-03-29', reason: '需调取档案', at: '2022-03-29' }),
    { set: {}, note: expect.objectContaining({ approvedOn: '2022-03-29', count: 1 }), ...same },
  ],
  [
    '答复 with a result of the kind’s list',
    () => apply(disclosureKind, request(), 'reply', { content: ' 予以公开 ', result: '予以公开', at: '2022-03-20' }),
    { set: { result: '予以公开', replied_at: new Date('2022-03-20T00:00:00+08:00'), reply: '予以公开' }, note: {}, ...same },
  ],
  [
    '答复 of a kind without a result list: free text only',
    () => apply(hotlineKind, item(), 'reply', { content: '已疏通', at: '2022-03-10' }),
    { set: { replied_at: new Date('2022-03-10T00:00:00+08:00'), reply: '已疏通' }, note: {}, ...same },
  ],
  [
    '办结 at the reply’s time (the first moment allowed)',
    () => apply(hotlineKind, item({ status: 'replied', replied_at: new Date('2022-03-10T15:00:00+08:00') }), 'close', { at: '2022-03-10 15:00' }),
    { set: { closed_at: new Date('2022-03-10T15:00:00+08:00') }, note: {}, ...same },
  ],
  [
    '评价 with the visit’s record',
    () => apply(hotlineKind, item({ status: 'closed' }), 'evaluate', { satisfaction: '满意', reason: '电话回访', at: '2022-03-16' }),
    { set: { satisfaction: '满意', evaluated_at: new Date('2022-03-16T00:00:00+08:00') }, note: { reason: '电话回访' }, ...same },
  ],
];

const REFUSED: Array<[name: string, run: () => unknown, want: Record<string, unknown>]> = [
  ['派单 without a unit', () => apply(hotlineKind, item({ status: 'received' }), 'assign', {}), { field: 'orgId', message: '请选择承办单位' }],
  ['退回 without a reason', () => apply(hotlineKind, item(), 'return', { reason: ' ' }), { field: 'reason', message: '请填写退回理由' }],
  [
    '中止计时 for a reason the kind does not list',
    () => apply(disclosureKind, request(), 'pause', { reason: '其他', at: '2022-03-08' }),
    { field: 'reason', message: '中止计时的事由应为：征求第三方意见、征求其他机关意见、补正申请材料' },
  ],
  [
    '补正告知 on the 8th working day after receipt (条例第三十条: the first day refused)',
    () => apply(disclosureKind, request(), 'pause', { reason: '补正申请材料', at: '2022-03-11' }),
    { field: 'at', message: expect.stringContaining('政府信息公开条例第三十条') },
  ],
  [
    'a second 补正告知 (条例第三十条: one notice)',
    () =>
      apply(disclosureKind, request({ pauses: [{ from: '2022-03-02', to: '2022-03-03', reason: '补正申请材料' }], restart_on: '2022-03-03' }), 'pause', {
        reason: '补正申请材料',
        at: '2022-03-04',
      }),
    { field: 'reason', message: expect.stringContaining('补正应一次性告知') },
  ],
  [
    '恢复计时 the day before it was paused',
    () => apply(disclosureKind, request({ status: 'paused', paused_since: '2022-03-08', pause_reason: '征求第三方意见' }), 'resume', { at: '2022-03-07' }),
    { field: 'at', message: '恢复日期不能早于中止日期2022-03-08' },
  ],
  [
    '延期 one working day beyond the cap (12345: the first value refused)',
    () => apply(hotlineKind, item(), 'extend', { n: 11, approvedBy: '李局长', reason: '再延' }),
    { field: 'n', message: expect.stringContaining('延长合计不得超过10个工作日') },
  ],
  [
    '延期 beyond the cap with an earlier extension counted',
    () =>
      apply(hotlineKind, item({ extensions: [{ n: 2, approvedOn: '2022-03-05', approvedBy: '李局长', reason: 'x' }] }), 'extend', {
        n: 9,
        approvedBy: '李局长',
        reason: '再延',
      }),
    { field: 'n', message: expect.stringContaining('已延长2个工作日') },
  ],
  ['延期 of 0 days', () => apply(hotlineKind, item(), 'extend', { n: 0, approvedBy: '李局长', reason: 'x' }), { field: 'n', message: '延长期限应为正整数' }],
  [
    '延期 in months where the cap counts working days',
    () => apply(hotlineKind, item(), 'extend', { n: 1, unit: 'month', approvedBy: '李局长', reason: 'x' }),
    { field: 'n', message: '延长期限的单位应为个工作日' },
  ],
  ['延期 without a reason', () => apply(hotlineKind, item(), 'extend', { n: 2, approvedBy: '李局长' }), { field: 'reason', message: '请填写延期理由' }],
  ['延期 without an approver', () => apply(hotlineKind, item(), 'extend', { n: 2, reason: 'x' }), { field: 'approvedBy', message: '请填写批准人' }],
  [
    '延期 approved on a day that does not exist',
    () => apply(hotlineKind, item(), 'extend', { n: 2, approvedBy: '李局长', approvedOn: '2022-02-30', reason: 'x' }),
    { field: 'approvedOn' },
  ],
  [
    '延期 approved the day after the due date (条例第三十三条: the first day refused)',
    () => apply(disclosureKind, request(), 'extend', { n: 20, approvedBy: '王主任', approvedOn: '2022-03-30', reason: '需调取档案', at: '2022-03-30' }),
    { field: 'approvedOn', message: expect.stringContaining('晚于当时的届满日2022-03-29') },
  ],
  ['答复 without content', () => apply(hotlineKind, item(), 'reply', { content: '' }), { field: 'content', message: '请填写答复内容' }],
  [
    '答复 with a result the kind does not list',
    () => apply(disclosureKind, request(), 'reply', { content: '予以公开', result: '同意' }),
    { field: 'result', message: expect.stringContaining('请选择办理结果') },
  ],
  ['答复 without a result where the kind requires one', () => apply(disclosureKind, request(), 'reply', { content: '予以公开' }), { field: 'result' }],
  [
    '办结 a minute before the reply (the last moment refused)',
    () => apply(hotlineKind, item({ status: 'replied', replied_at: new Date('2022-03-10T15:00:00+08:00') }), 'close', { at: '2022-03-10 14:59' }),
    { field: 'at', message: '办结时间不能早于答复时间' },
  ],
  [
    '评价 the kind does not list',
    () => apply(hotlineKind, item({ status: 'closed' }), 'evaluate', { satisfaction: '非常满意' }),
    { field: 'satisfaction', message: '请选择评价（满意/基本满意/不满意/未评价）' },
  ],
];

describe('each demand action’s pure apply', () => {
  for (const [name, run, expected] of CHANGES) it(name, () => expect(run()).toEqual(expected));
  for (const [name, run, want] of REFUSED) it(`refuses ${name}`, () => expect(run).toThrow(expect.objectContaining(want)));
});

describe('the record’s patch after an action', () => {
  it('moves the due date by an extension (10 working days from 15 March: 29 March) and takes the transition’s stage', () => {
    const r = item();
    const f = facts(hotlineKind, r, '2022-03-10');
    const changes = apply(hotlineKind, r, 'extend', { n: 10, approvedBy: '李局长', approvedOn: '2022-03-10', reason: 'x', at: '2022-03-10' });
    const patch = recordPatch(f, changes, undefined);
    expect(patch).toMatchObject({ status: 'handling', due_on: '2022-03-29', paused_since: null });
    expect(JSON.parse(patch.extensions as string)).toHaveLength(1);
  });
  it('keeps the due date once the clock has stopped (12345: closed) and moves to the stage the workflow gives', () => {
    const r = item({ status: 'closed', closed_at: new Date('2022-03-20T10:00:00+08:00'), due_on: '2022-03-15' });
    const f = facts(hotlineKind, r, '2022-03-25');
    const patch = recordPatch(f, apply(hotlineKind, r, 'evaluate', { satisfaction: '满意', at: '2022-03-25' }), undefined);
    expect(patch).toMatchObject({ status: 'closed', due_on: '2022-03-15' });
    expect(
      recordPatch(facts(hotlineKind, item(), '2022-03-10'), apply(hotlineKind, item(), 'reply', { content: 'x', at: '2022-03-10' }), 'replied').status,
    ).toBe('replied');
  });
  it('while paused, the days held so far are not counted (paused on 8 March: due 30 March, not 29)', () => {
    const r = request();
    const f = facts(disclosureKind, r, '2022-03-08');
    const patch = recordPatch(f, apply(disclosureKind, r, 'pause', { reason: '征求第三方意见', at: '2022-03-08' }), 'paused');
    expect(patch).toMatchObject({ status: 'paused', paused_since: '2022-03-08', pause_reason: '征求第三方意见', due_on: '2022-03-30' });
  });
});

describe('each demand action’s input schema', () => {
  it('covers every action of the lifecycle', () => expect(Object.keys(DEMAND_EVENTS).sort()).toEqual([...ACTIONS].sort()));
  it('takes the version, the time and the action’s own fields, nothing else', () => {
    expect(Value.Check(DEMAND_EVENTS.reply.input, { version: 1, content: '已答复', result: null, at: '2022-03-10 15:00' })).toBe(true);
    expect(Value.Check(DEMAND_EVENTS.reply.input, { version: 1, content: '已答复', satisfaction: '满意' })).toBe(false);
    expect(Value.Check(DEMAND_EVENTS.sign.input, { version: 1, at: null })).toBe(true);
    expect(Value.Check(DEMAND_EVENTS.sign.input, { version: 1, reason: '签收' })).toBe(false);
    expect(Value.Check(DEMAND_EVENTS.close.input, { at: '2022-03-10' })).toBe(false);
    expect(Value.Check(DEMAND_EVENTS.extend.input, { version: 1, n: '2', approvedBy: '李局长', reason: 'x' })).toBe(false);
    expect(Value.Check(DEMAND_EVENTS.extend.input, { version: 1, n: 2, unit: 'week', approvedBy: '李局长', reason: 'x' })).toBe(false);
    expect(Value.Check(DEMAND_EVENTS.assign.input, { version: 1, orgId: '6f1c2a52-5a0e-4c38-9a4c-0d0f8f3f2a11', assigneeId: null, reason: '派单' })).toBe(true);
    expect(Value.Check(DEMAND_EVENTS.evaluate.input, { version: 1, satisfaction: '满意', status: 'closed' })).toBe(false);
  });
});

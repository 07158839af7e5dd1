import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createCalendar } from '../../core/calendar/calendar.js';
import { type PermitChanges, PERMIT_EVENTS, type PermitEventFacts } from './events.js';
import type { PermitRow } from './repository.js';
import { ACTION_LABELS } from './workflow.js';

const calendar = createCalendar({});

/** A case as loaded (its item: 2 committed, 20 statutory working days), with only the columns the steps read set. */
const permit = (over: Partial<PermitRow> = {}): PermitRow =>
  ({
    received_on: '2022-03-07',
    correction_notice_on: null,
    corrected_on: null,
    accepted_on: null,
    clock_start_on: null,
    pauses: [],
    extension_days: null,
    extension_approved_on: null,
    decided_on: null,
    committed_days: 2,
    statutory_days: 20,
    ...over,
  }) as PermitRow;
/** Accepted on Monday 7 March 2022: committed due Wednesday 9 March, statutory due the make-up Saturday 2 April. */
const accepted = (over: Partial<PermitRow> = {}) => permit({ accepted_on: '2022-03-07', clock_start_on: '2022-03-07', ...over });
const decided = (over: Partial<PermitRow> = {}) => accepted({ decided_on: '2022-03-09', ...over });

const facts = (p: PermitRow): PermitEventFacts => ({ p, calendar });
const apply = <E extends keyof typeof PERMIT_EVENTS>(e: E, p: PermitRow, input: Record<string, unknown>) =>
  (PERMIT_EVENTS[e].apply as (f: PermitEventFacts, i: Record<string, unknown>) => PermitChanges)(facts(p), { version: 1, ...input });

const CHANGES: Array<[name: string, run: () => PermitChanges, expected: PermitChanges]> = [
  [
    '补正告知 on the 5th working day after receipt (第三十二条: the last day allowed)',
    () => apply('correction', permit(), { noticeOn: '2022-03-14', items: ' 补充排水接驳图 ' }),
    { set: { correction_notice_on: '2022-03-14', correction_items: '补充排水接驳图' } },
  ],
  [
    'corrections received on the notice’s day',
    () => apply('corrected', permit({ correction_notice_on: '2022-03-09' }), { correctedOn: '2022-03-09' }),
    { set: { corrected_on: '2022-03-09' } },
  ],
  [
    '受理 on the 5th working day: the clock starts at 受理',
    () => apply('accept', permit(), { acceptedOn: '2022-03-14' }),
    { set: { accepted_on: '2022-03-14', clock_start_on: '2022-03-14', deemed_accepted: false, due_on: '2022-03-16', statutory_due_on: '2022-04-12' } },
  ],
  [
    '受理 on the 6th working day without a notice: deemed accepted on receipt (第三十二条)',
    () => apply('accept', permit(), { acceptedOn: '2022-03-15' }),
    { set: { accepted_on: '2022-03-15', clock_start_on: '2022-03-07', deemed_accepted: true, due_on: '2022-03-09', statutory_due_on: '2022-04-02' } },
  ],
  [
    '受理 on the day the corrections came (statutory term counts the make-up Sunday 24 April)',
    () => apply('accept', permit({ correction_notice_on: '2022-03-08', corrected_on: '2022-03-25' }), { acceptedOn: '2022-03-25' }),
    { set: { accepted_on: '2022-03-25', clock_start_on: '2022-03-25', deemed_accepted: false, due_on: '2022-03-29', statutory_due_on: '2022-04-24' } },
  ],
  [
    '不予受理 on the day of receipt, with its reasons',
    () => apply('not_accept', permit(), { on: '2022-03-07', reason: ' 不属于本机关职权范围 ' }),
    { set: { not_accepted_on: '2022-03-07', not_accepted_reason: '不属于本机关职权范围' } },
  ],
  [
    'expert review from the day after 受理 is not counted (第四十五条)',
    () => apply('pause', accepted(), { from: '2022-03-08', to: '2022-03-10', reason: '专家评审' }),
    {
      set: {
        pauses: JSON.stringify([{ from: '2022-03-08', to: '2022-03-10', reason: '专家评审' }]),
        due_on: '2022-03-14',
        statutory_due_on: '2022-04-08',
      },
    },
  ],
  [
    'a second pause keeps the first',
    () =>
      apply('pause', accepted({ pauses: [{ from: '2022-03-08', to: '2022-03-08', reason: '检测' }] }), {
        from: '2022-03-09',
        to: '2022-03-09',
        reason: '鉴定',
      }),
    {
      set: {
        pauses: JSON.stringify([
          { from: '2022-03-08', to: '2022-03-08', reason: '检测' },
          { from: '2022-03-09', to: '2022-03-09', reason: '鉴定' },
        ]),
        due_on: '2022-03-11',
        statutory_due_on: '2022-04-07',
      },
    },
  ],
  [
    'an extension of 10 working days approved on the committed due date extends both deadlines (第四十二条: the most allowed)',
    () => apply('extend', accepted(), { days: 10, approvedOn: '2022-03-09', reason: '需现场核查' }),
    {
      set: {
        extension_days: 10,
        extension_approved_on: '2022-03-09',
        extension_reason: '需现场核查',
        due_on: '2022-03-23',
        statutory_due_on: '2022-04-19',
      },
    },
  ],
  [
    'an extension approved on the statutory due date extends the statutory bound only (the last day allowed)',
    () => apply('extend', accepted(), { days: 1, approvedOn: '2022-04-02', reason: '需现场核查' }),
    { set: { extension_days: 1, extension_approved_on: '2022-04-02', extension_reason: '需现场核查', due_on: '2022-03-09', statutory_due_on: '2022-04-06' } },
  ],
  [
    'a grant on the day of 受理 asks for the next decision number of its year',
    () => apply('decide', accepted(), { decidedOn: '2022-03-07', result: '准予许可' }),
    { set: { decided_on: '2022-03-07', result: '准予许可', decision_note: null }, decisionNo: { given: null, year: '2022' } },
  ],
  [
    'a refusal with its reasons and the number given',
    () => apply('decide', accepted(), { decidedOn: '2022-03-08', result: '不予许可', note: ' 不符合法定条件 ', decisionNo: ' 穗天水许〔2022〕9号 ' }),
    { set: { decided_on: '2022-03-08', result: '不予许可', decision_note: '不符合法定条件' }, decisionNo: { given: '穗天水许〔2022〕9号', year: '2022' } },
  ],
  [
    'the certificate on the day of the grant',
    () => apply('certify', decided(), { issuedOn: '2022-03-09', certificateNo: ' 穗天排证〔2022〕1号 ' }),
    { set: { certificate_on: '2022-03-09', certificate_no: '穗天排证〔2022〕1号' } },
  ],
  ['publication on the day of the grant', () => apply('publish', decided(), { publishedOn: '2022-03-09' }), { set: { published_on: '2022-03-09' } }],
];

/** Refusals: [name, run, the field (or code) and the message]. */
const REFUSED: Array<[string, () => PermitChanges, { field?: string; code?: string; message?: unknown }]> = [
  [
    '补正告知 on the 6th working day: the application already counts as accepted (第三十二条)',
    () => apply('correction', permit(), { noticeOn: '2022-03-15', items: 'x' }),
    { code: 'CORRECTION_LATE', message: expect.stringContaining('即为受理') },
  ],
  ['补正告知 before receipt', () => apply('correction', permit(), { noticeOn: '2022-03-04', items: 'x' }), { field: 'noticeOn' }],
  [
    '补正告知 without what to correct',
    () => apply('correction', permit(), { noticeOn: '2022-03-08', items: '  ' }),
    { field: 'items', message: '需补正的全部内容不能为空' },
  ],
  [
    'a date that does not exist',
    () => apply('correction', permit(), { noticeOn: '2022-02-30', items: 'x' }),
    { field: 'noticeOn', message: expect.stringContaining('补正告知日期无效') },
  ],
  [
    'corrections received the day before the notice',
    () => apply('corrected', permit({ correction_notice_on: '2022-03-09' }), { correctedOn: '2022-03-08' }),
    { field: 'correctedOn', message: '补正材料收到日期不能早于补正告知日期' },
  ],
  [
    '受理 the day before the corrections came',
    () => apply('accept', permit({ correction_notice_on: '2022-03-08', corrected_on: '2022-03-25' }), { acceptedOn: '2022-03-24' }),
    { field: 'acceptedOn', message: '受理日期不能早于补正材料收到日期' },
  ],
  ['受理 before receipt', () => apply('accept', permit(), { acceptedOn: '2022-03-04' }), { field: 'acceptedOn', message: '受理日期不能早于收件日期' }],
  [
    '不予受理 the day before receipt',
    () => apply('not_accept', permit(), { on: '2022-03-06', reason: 'x' }),
    { field: 'on', message: '不予受理日期不能早于收件日期' },
  ],
  ['不予受理 without reasons', () => apply('not_accept', permit(), { on: '2022-03-07', reason: '' }), { field: 'reason' }],
  [
    'a pause for a reason 第四十五条 does not list',
    () => apply('pause', accepted(), { from: '2022-03-08', to: '2022-03-09', reason: '补正' }),
    { field: 'reason', message: expect.stringContaining('第四十五条') },
  ],
  ['a pause from the day of 受理', () => apply('pause', accepted(), { from: '2022-03-07', to: '2022-03-09', reason: '检测' }), { field: 'from' }],
  ['a pause ending before it starts', () => apply('pause', accepted(), { from: '2022-03-09', to: '2022-03-08', reason: '检测' }), { field: 'to' }],
  [
    'an extension of 11 working days (第四十二条)',
    () => apply('extend', accepted(), { days: 11, approvedOn: '2022-03-08', reason: 'x' }),
    { field: 'days', message: expect.stringContaining('第四十二条') },
  ],
  ['an extension of 0 days', () => apply('extend', accepted(), { days: 0, approvedOn: '2022-03-08', reason: 'x' }), { field: 'days' }],
  [
    'an extension approved the day after the statutory due date',
    () => apply('extend', accepted(), { days: 1, approvedOn: '2022-04-03', reason: 'x' }),
    { code: 'EXTENSION_LATE', message: expect.stringContaining('2022-04-02') },
  ],
  [
    'an extension without reasons',
    () => apply('extend', accepted(), { days: 3, approvedOn: '2022-03-08', reason: ' ' }),
    { field: 'reason', message: '延长理由不能为空' },
  ],
  [
    'a refusal without reasons (第三十八条)',
    () => apply('decide', accepted(), { decidedOn: '2022-03-08', result: '不予许可', note: ' ' }),
    { field: 'note', message: '不予许可应说明理由（行政许可法第三十八条）' },
  ],
  ['a result the law does not know', () => apply('decide', accepted(), { decidedOn: '2022-03-08', result: '暂缓' }), { field: 'result' }],
  [
    'a decision the day before 受理',
    () => apply('decide', accepted(), { decidedOn: '2022-03-06', result: '准予许可' }),
    { field: 'decidedOn', message: '决定日期不能早于受理日期' },
  ],
  [
    'a certificate the day before the grant',
    () => apply('certify', decided(), { issuedOn: '2022-03-08', certificateNo: 'x' }),
    { field: 'issuedOn', message: '发证日期不能早于决定日期' },
  ],
  ['a certificate without its number', () => apply('certify', decided(), { issuedOn: '2022-03-09', certificateNo: '' }), { field: 'certificateNo' }],
  [
    'publication the day before the grant',
    () => apply('publish', decided(), { publishedOn: '2022-03-08' }),
    { field: 'publishedOn', message: '公示日期不能早于决定日期' },
  ],
];

describe('each permit step’s pure apply', () => {
  for (const [name, run, expected] of CHANGES) it(name, () => expect(run()).toEqual(expected));
  for (const [name, run, want] of REFUSED) it(`refuses ${name}`, () => expect(run).toThrow(expect.objectContaining(want)));
});

describe('each permit step’s input schema', () => {
  it('covers every step of the workflow', () => expect(Object.keys(PERMIT_EVENTS).sort()).toEqual(Object.keys(ACTION_LABELS).sort()));
  it('takes the version and the step’s own fields, nothing else', () => {
    expect(Value.Check(PERMIT_EVENTS.accept.input, { version: 1, acceptedOn: '2022-03-07' })).toBe(true);
    expect(Value.Check(PERMIT_EVENTS.accept.input, { version: 1, acceptedOn: '2022-03-07', status: 'decided' })).toBe(false);
    expect(Value.Check(PERMIT_EVENTS.accept.input, { acceptedOn: '2022-03-07' })).toBe(false);
    expect(Value.Check(PERMIT_EVENTS.extend.input, { version: 1, days: '3', approvedOn: '2022-03-08', reason: 'x' })).toBe(false);
    expect(Value.Check(PERMIT_EVENTS.decide.input, { version: 1, decidedOn: '2022-03-08', result: '准予许可', decisionNo: null, note: null })).toBe(true);
    expect(Value.Check(PERMIT_EVENTS.publish.input, { version: 1, publishedOn: '2022/03/08' })).toBe(false);
  });
});

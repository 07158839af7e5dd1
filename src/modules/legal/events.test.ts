import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createCalendar } from '../../core/calendar/calendar.js';
import { DOCUMENT_EVENT_COMMANDS, type DocRow, type DocumentChanges, type DocumentEventFacts, type DocumentStep } from './events.js';
import { REVIEW_CHECKLIST } from './rules.js';

const calendar = createCalendar({});
const checklist = (v = true) => Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, v]));

/** A document as loaded, with only the columns the steps read set. */
const doc = (over: Partial<DocRow> = {}): DocRow =>
  ({
    kind: '规范性文件',
    drafted_on: '2024-01-02',
    submitted_on: '2024-02-05',
    reviewed_on: null,
    deliberated_on: null,
    issued_on: null,
    ...over,
  }) as DocRow;
const decision = (over: Partial<DocRow> = {}) => doc({ kind: '重大行政决策', drafted_on: null, ...over });

/** Runs a step's apply on the date its input names (the shared part checks that date first). */
const apply = (s: DocumentStep, row: DocRow, input: Record<string, unknown>): DocumentChanges => {
  const c = DOCUMENT_EVENT_COMMANDS[s] as unknown as {
    date: { field: string };
    apply: (f: DocumentEventFacts, i: Record<string, unknown>) => DocumentChanges;
  };
  return c.apply({ row, on: input[c.date.field] as string, actorName: '张审查', calendar }, { version: 1, ...input });
};

const CHANGES: Array<[name: string, run: () => DocumentChanges, expected: DocumentChanges]> = [
  [
    '合法性审查 of a normative document on the day it was submitted, every point of the checklist passed',
    () => apply('review', doc(), { reviewedOn: '2024-02-05', result: '同意', opinion: ' 合法 ', checklist: checklist() }),
    {
      set: {
        reviewed_on: '2024-02-05',
        review_result: '同意',
        review_opinion: '合法',
        reviewer: '张审查',
        review_checklist: JSON.stringify(checklist()),
      },
    },
  ],
  [
    '合法性审查 of a decision (no checklist), the reviewer named',
    () => apply('review', decision(), { reviewedOn: '2024-02-06', result: '存在问题', opinion: '程序缺失', reviewer: '李律师' }),
    { set: { reviewed_on: '2024-02-06', review_result: '存在问题', review_opinion: '程序缺失', reviewer: '李律师', review_checklist: null } },
  ],
  [
    '印发 on the day of the review',
    () => apply('issue', decision({ reviewed_on: '2024-02-06' }), { issuedOn: '2024-02-06', docNo: ' 天水〔2024〕3号 ' }),
    { set: { issued_on: '2024-02-06', doc_no: '天水〔2024〕3号' } },
  ],
  [
    '公开征求意见 for 30 days from the day of drafting (the shortest allowed)',
    () => apply('comment', doc(), { from: '2024-01-02', until: '2024-02-01', channel: '局门户网站' }),
    { set: { comment_from: '2024-01-02', comment_until: '2024-02-01', comment_channel: '局门户网站' } },
  ],
  [
    '送合法性审核 with how the comments were taken',
    () => apply('submit', doc(), { submittedOn: '2024-02-05', commentSummary: ' 未收到意见 ' }),
    { set: { submitted_on: '2024-02-05', comment_summary: '未收到意见' } },
  ],
  [
    '集体审议 on the day of the review',
    () => apply('deliberate', doc({ reviewed_on: '2024-02-06' }), { deliberatedOn: '2024-02-06', meeting: '局长办公会议' }),
    { set: { deliberated_on: '2024-02-06', deliberation: '局长办公会议' } },
  ],
  [
    '统一编号公布 on the day of deliberation: 5 years by default, 备案 within 30 days (Saturday 9 March 2024 rolls to Monday 11 March)',
    () => apply('publish', doc({ deliberated_on: '2024-02-08' }), { publishedOn: '2024-02-08' }),
    {
      set: { issued_on: '2024-02-08', doc_year: 2024, filing_due: '2024-03-11', valid_until: '2029-02-08' },
      number: { prefix: null, year: 2024 },
    },
  ],
  [
    '统一编号公布 with a prefix and 1 year (the shortest validity)',
    () => apply('publish', doc({ deliberated_on: '2024-02-08' }), { publishedOn: '2024-02-09', numberPrefix: ' 天水规 ', validYears: 1 }),
    {
      set: { issued_on: '2024-02-09', doc_year: 2024, filing_due: '2024-03-11', valid_until: '2025-02-09' },
      number: { prefix: '天水规', year: 2024 },
    },
  ],
  ['备案 on the day of publication', () => apply('file', doc({ issued_on: '2024-02-08' }), { filedOn: '2024-02-08' }), { set: { filed_on: '2024-02-08' } }],
  [
    '清理: 继续有效 (the document stays in force; the cleanup is recorded)',
    () => apply('clean', doc({ issued_on: '2024-02-08' }), { cleanedOn: '2024-02-08', outcome: '继续有效', reason: '与上位法一致' }),
    {
      set: {},
      cleanup: { cleaned_on: '2024-02-08', outcome: '继续有效', reason: '与上位法一致' },
      note: { cleanedOn: '2024-02-08', outcome: '继续有效', reason: '与上位法一致' },
    },
  ],
  [
    '清理: 废止 (the document is repealed, its reason marked as the cleanup’s)',
    () => apply('clean', doc({ issued_on: '2024-02-08' }), { cleanedOn: '2025-01-10', outcome: '废止', reason: '上位法已废止' }),
    {
      set: { repealed_on: '2025-01-10', repeal_reason: '清理：上位法已废止' },
      cleanup: { cleaned_on: '2025-01-10', outcome: '废止', reason: '上位法已废止' },
      note: { cleanedOn: '2025-01-10', outcome: '废止', reason: '上位法已废止' },
    },
  ],
  [
    '废止 on the day of publication',
    () => apply('repeal', doc({ issued_on: '2024-02-08' }), { repealedOn: '2024-02-08', reason: '政策调整' }),
    { set: { repealed_on: '2024-02-08', repeal_reason: '政策调整' } },
  ],
];

const REFUSED: Array<[name: string, run: () => unknown, want: Record<string, unknown>]> = [
  [
    '合法性审查 the day before submission',
    () => apply('review', decision(), { reviewedOn: '2024-02-04', result: '同意', opinion: '合法' }),
    { field: 'reviewedOn', message: '审查日期不能早于送审日期' },
  ],
  [
    '合法性审查 without an opinion',
    () => apply('review', decision(), { reviewedOn: '2024-02-05', result: '同意', opinion: ' ' }),
    { field: 'opinion', message: '审查意见不能为空' },
  ],
  [
    '同意 with a point of the checklist failed',
    () => apply('review', doc(), { reviewedOn: '2024-02-05', result: '同意', opinion: '合法', checklist: { ...checklist(), power: false } }),
    { field: 'checklist.power' },
  ],
  [
    '合法性审查 of a normative document without its checklist',
    () => apply('review', doc(), { reviewedOn: '2024-02-05', result: '存在问题', opinion: '待补充' }),
    { field: 'checklist.authority' },
  ],
  [
    '印发 the day before the review',
    () => apply('issue', decision({ reviewed_on: '2024-02-06' }), { issuedOn: '2024-02-05' }),
    { field: 'issuedOn', message: '印发（决策）日期不能早于审查日期' },
  ],
  [
    '公开征求意见 for 29 days (国办发〔2018〕37号: the first period refused)',
    () => apply('comment', doc(), { from: '2024-01-02', until: '2024-01-31', channel: '局门户网站' }),
    { field: 'until', message: expect.stringContaining('不少于30日') },
  ],
  [
    '公开征求意见 from the day before drafting',
    () => apply('comment', doc(), { from: '2024-01-01', until: '2024-02-28', channel: '局门户网站' }),
    { field: 'from', message: '征求意见起始日期不能早于起草日期' },
  ],
  [
    '公开征求意见 ending on a day that does not exist',
    () => apply('comment', doc(), { from: '2024-01-02', until: '2023-02-30', channel: '局门户网站' }),
    { field: 'until' },
  ],
  ['公开征求意见 without a channel', () => apply('comment', doc(), { from: '2024-01-02', until: '2024-02-28', channel: '' }), { field: 'channel' }],
  ['送合法性审核 without the comments’ summary', () => apply('submit', doc(), { submittedOn: '2024-02-05', commentSummary: '' }), { field: 'commentSummary' }],
  [
    '集体审议 the day before the review',
    () => apply('deliberate', doc({ reviewed_on: '2024-02-06' }), { deliberatedOn: '2024-02-05', meeting: '局长办公会议' }),
    { field: 'deliberatedOn', message: '审议日期不能早于合法性审核日期' },
  ],
  [
    '统一编号公布 the day before deliberation',
    () => apply('publish', doc({ deliberated_on: '2024-02-08' }), { publishedOn: '2024-02-07' }),
    { field: 'publishedOn', message: '公布日期不能早于集体审议日期' },
  ],
  [
    '统一编号公布 for 6 years (the first validity refused)',
    () => apply('publish', doc({ deliberated_on: '2024-02-08' }), { publishedOn: '2024-02-08', validYears: 6 }),
    { field: 'validYears', message: '有效期应为1至5年' },
  ],
  [
    '统一编号公布 with a prefix holding 〔〕',
    () => apply('publish', doc({ deliberated_on: '2024-02-08' }), { publishedOn: '2024-02-08', numberPrefix: '天水〔规〕' }),
    { field: 'numberPrefix' },
  ],
  [
    '备案 the day before publication',
    () => apply('file', doc({ issued_on: '2024-02-08' }), { filedOn: '2024-02-07' }),
    { field: 'filedOn', message: '报送备案日期不能早于公布日期' },
  ],
  [
    '清理 the day before publication',
    () => apply('clean', doc({ issued_on: '2024-02-08' }), { cleanedOn: '2024-02-07', outcome: '继续有效', reason: 'x' }),
    { field: 'cleanedOn', message: '清理日期不能早于公布日期' },
  ],
  [
    '清理 without a reason',
    () => apply('clean', doc({ issued_on: '2024-02-08' }), { cleanedOn: '2024-02-08', outcome: '修改', reason: ' ' }),
    { field: 'reason', message: '清理理由不能为空' },
  ],
  [
    '废止 the day before publication',
    () => apply('repeal', doc({ issued_on: '2024-02-08' }), { repealedOn: '2024-02-07', reason: 'x' }),
    { field: 'repealedOn', message: '废止日期不能早于公布日期' },
  ],
];

describe('each document step’s pure apply', () => {
  for (const [name, run, expected] of CHANGES) it(name, () => expect(run()).toEqual(expected));
  for (const [name, run, want] of REFUSED) it(`refuses ${name}`, () => expect(run).toThrow(expect.objectContaining(want)));
});

describe('each document step’s event, verb and input', () => {
  it.each<[DocumentStep, Record<string, unknown>, string, string]>([
    ['comment', {}, 'openComment', 'comment_opened'],
    ['publish', {}, 'publish', 'published'],
    ['clean', { outcome: '继续有效' }, 'clean', 'cleaned'],
    ['clean', { outcome: '修改' }, 'clean', 'cleaned'],
    ['clean', { outcome: '废止' }, 'repeal', 'repealed'],
    ['repeal', {}, 'repeal', 'repealed'],
  ])('%s %j is the workflow event %s, audited %s', (s, input, event, verb) => {
    const c = DOCUMENT_EVENT_COMMANDS[s] as unknown as { event: (i: unknown) => string; verb: (i: unknown) => string };
    expect(c.event({ version: 1, ...input })).toBe(event);
    expect(c.verb({ version: 1, ...input })).toBe(verb);
  });
  it('takes the version and the step’s own fields, nothing else', () => {
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.file.input, { version: 1, filedOn: '2024-02-08' })).toBe(true);
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.file.input, { version: 1, filedOn: '2024-02-08', status: 'repealed' })).toBe(false);
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.file.input, { filedOn: '2024-02-08' })).toBe(false);
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.publish.input, { version: 1, publishedOn: '2024-02-08', validYears: 6 })).toBe(false);
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.publish.input, { version: 1, publishedOn: '2024-02-08', numberPrefix: null, validYears: null })).toBe(true);
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.clean.input, { version: 1, cleanedOn: '2024-02-08', outcome: '暂缓', reason: 'x' })).toBe(false);
    expect(
      Value.Check(DOCUMENT_EVENT_COMMANDS.review.input, { version: 1, reviewedOn: '2024-02-05', result: '同意', opinion: 'x', checklist: { a: true } }),
    ).toBe(true);
    expect(Value.Check(DOCUMENT_EVENT_COMMANDS.review.input, { version: 1, reviewedOn: '2024/02/05', result: '同意', opinion: 'x' })).toBe(false);
  });
});

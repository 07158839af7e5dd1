import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import { type NormativeSave, replayNormative, RowRefusal } from './normativeImport.js';

/** A ledger row taken through the document page's steps: each boundary on both sides. */
const f = { calendar: createCalendar(), today: '2024-06-01' };
const row = (over: Partial<NormativeSave> = {}): NormativeSave => ({
  docNo: '天水规〔2023〕1号',
  title: '测试管理办法',
  draftedOn: '2023-03-01',
  commentFrom: '2023-03-01',
  commentUntil: '2023-03-31',
  commentChannel: '门户网站',
  submittedOn: '2023-04-01',
  commentSummary: '未收到意见',
  reviewedOn: '2023-04-01',
  reviewResult: '同意',
  reviewOpinion: '同意',
  deliberatedOn: '2023-04-01',
  deliberation: '局长办公会议',
  publishedOn: '2023-04-01',
  ...over,
});
const refusal = (over: Partial<NormativeSave>) => {
  try {
    replayNormative(row(over), f);
  } catch (e) {
    if (e instanceof RowRefusal) return e.column;
    throw e;
  }
  return null;
};

describe('replayNormative', () => {
  const cases: Array<[string, Partial<NormativeSave>, string | null]> = [
    ['30 days of comment (the first end allowed)', { commentUntil: '2023-03-31' }, null],
    ['29 days of comment', { commentUntil: '2023-03-30' }, '征求意见截止日期'],
    ['comment opened the day it was drafted', { commentFrom: '2023-03-01' }, null],
    ['comment opened before the draft', { draftedOn: '2023-03-02' }, '征求意见起始日期'],
    ['submitted the day after the period', { submittedOn: '2023-04-01' }, null],
    ['submitted on the period’s last day', { submittedOn: '2023-03-31' }, '送审日期'],
    ['reviewed the day it was submitted', {}, null],
    ['reviewed the day before', { reviewedOn: '2023-03-31', submittedOn: '2023-04-01' }, '合法性审核日期'],
    ['deliberated after 存在问题', { reviewResult: '存在问题' }, '集体审议日期'],
    ['published the day of deliberation', {}, null],
    ['published the day before', { publishedOn: '2023-03-31' }, '公布日期'],
    ['valid 5 years', { validUntil: '2028-04-01' }, null],
    ['valid 6 years', { validUntil: '2029-04-01' }, '有效期至'],
    ['filed the day of publication', { filedOn: '2023-04-01' }, null],
    ['filed the day before', { filedOn: '2023-03-31' }, '备案日期'],
    ['numbered in the publication year', { docNo: '天水规〔2023〕9号' }, null],
    ['numbered in another year', { docNo: '天水规〔2022〕9号' }, '统一编号'],
    ['status as the dates make it', { status: '现行有效' }, null],
    ['status the dates do not bear', { status: '起草中' }, '状态'],
  ];
  it.each(cases)('%s', (_what, over, column) => {
    expect(refusal(over)).toBe(column);
  });

  it('leaves a published document with its deadlines and the cleanup a 废止 makes', () => {
    const r = replayNormative(row({ cleanedOn: '2024-01-10', cleanupOutcome: '废止', cleanupReason: '已被替代' }), f);
    expect(r.values).toMatchObject({ status: 'repealed', doc_year: 2023, doc_seq: 1, repealed_on: '2024-01-10', repeal_reason: '清理：已被替代' });
    expect(r.cleanup).toEqual({ cleaned_on: '2024-01-10', outcome: '废止', reason: '已被替代' });
  });
});

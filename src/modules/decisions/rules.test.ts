import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import {
  applicabilityBreaches,
  CATALOGUE_SOURCE,
  catalogueDeleteProblems,
  catalogueEditProblems,
  commentPeriodBreaches,
  commentPeriodRule,
  discussionBreaches,
  missingSteps,
  reviewPasses,
  reviewTerm,
  reviewTimeBreaches,
  STEPS,
  type Step,
} from './rules.js';
import { decisionGuards } from './workflow.js';
import { statusOf } from './facts.js';

const cal = createCalendar({});

describe('the public comment period (第十五条: not less than 30 days)', () => {
  it.each<[string, string, string, string | null, boolean]>([
    ['30 days, the last day allowed', '2022-03-01', '2022-03-31', null, true],
    ['29 days, the first refused', '2022-03-01', '2022-03-30', null, false],
    ['29 days with the urgency stated', '2022-03-01', '2022-03-30', '汛期临近，预案须在主汛期前印发', true],
    ['a blank reason is no reason', '2022-03-01', '2022-03-30', '  ', false],
    ['across February (28 days to 1 March is not 30)', '2022-02-01', '2022-03-02', null, false],
    ['across February, 3 March is 30 days', '2022-02-01', '2022-03-03', null, true],
    ['an end before the start, even with a reason', '2022-03-10', '2022-03-01', '紧急', false],
  ])('%s', (_n, from, to, shortReason, ok) => {
    const b = commentPeriodBreaches({ from, to, shortReason });
    expect(b.length === 0).toBe(ok);
    if (!ok) expect(b[0]!.statute).toContain('第十五条');
  });

  it('tracks the period as a deadline ending on the day the notice named, not rolled to a working day', () => {
    // 2022-10-01 is a holiday: the bureau's own end date stands.
    expect(computeDeadline({ rule: commentPeriodRule('2022-08-31', '2022-10-01'), start: '2022-08-31' }, cal).due).toBe('2022-10-01');
  });
});

describe('the legality review time (第二十六条: generally not less than 7 working days)', () => {
  it.each<[string, string, string]>([
    ['an ordinary week and a half', '2022-11-21', '2022-11-30'],
    ['across Labour Day with the make-up Sunday 24 April', '2022-04-18', '2022-04-26'],
    ['across National Day with the make-up weekend 8–9 October', '2022-09-28', '2022-10-12'],
  ])('%s', (_n, submitted, due) => {
    expect(reviewTerm(submitted, cal).due).toBe(due);
  });

  it.each<[string, string, string | null, boolean]>([
    ['discussed on the term’s last day', '2022-11-30', null, true],
    ['discussed the day before, no reason', '2022-11-29', null, false],
    ['discussed the day before with the reason', '2022-11-29', '区政府要求限期报送', true],
  ])('%s', (_n, discussedOn, shortReason, ok) => {
    const b = reviewTimeBreaches({ submittedOn: '2022-11-21', discussedOn, shortReason }, cal);
    expect(b.length === 0).toBe(ok);
    if (!ok) expect(b[0]!.field).toBe('shortReviewReason');
  });

  it.each([
    ['同意', true],
    ['修改后同意', true],
    ['不同意', false],
    [null, false],
  ] as const)('review %s lets the draft go to discussion: %s (第二十五条)', (r, ok) => {
    expect(reviewPasses(r)).toBe(ok);
  });
});

describe('which steps may not apply', () => {
  it.each<[Step, boolean, string | null, string | null]>([
    ['participation', false, '依法不予公开的事项', null],
    ['participation', false, null, 'reason'],
    ['expert', false, '不属于专业性、技术性较强的事项', null],
    ['expert', false, '', 'reason'],
    ['risk', false, '已在规划环评中评估，不重复评估', null],
    ['review', false, '时间紧', 'required'],
    ['discussion', false, '已请示', 'required'],
    ['publication', false, '依法不予公开', null],
    ['evaluation', false, '未出现第三十六条情形', null],
    ['review', true, null, null],
  ])('%s required=%s reason=%s → %s', (step, required, reason, field) => {
    const b = applicabilityBreaches(step, required, reason);
    expect(b[0]?.field ?? null).toBe(field);
  });

  it('every step has its article', () => {
    for (const s of STEPS) expect(applicabilityBreaches(s, true, null)).toEqual([]);
  });
});

describe('the head’s decision (第三十条)', () => {
  it.each<[boolean, string | null, boolean]>([
    [false, null, true],
    [true, '会上说明：汛期安全优先', true],
    [true, null, false],
    [true, ' ', false],
  ])('against the majority=%s, reason=%s → ok %s', (headDiffers, headReason, ok) => {
    expect(discussionBreaches({ result: '同意', headDiffers, headReason }).length === 0).toBe(ok);
  });
});

describe('a decision cannot be made with a required step missing', () => {
  const done = { required: true, done: true };
  const all = { participation: done, expert: done, risk: done, review: { result: '同意' as const } };
  it.each<[string, Parameters<typeof missingSteps>[0], string[]]>([
    ['every step done', all, []],
    ['expert argument not applicable', { ...all, expert: { required: false, done: false } }, []],
    ['participation missing', { ...all, participation: { required: true, done: false } }, ['公众参与尚未完成']],
    ['risk missing', { ...all, risk: { required: true, done: false } }, ['风险评估尚未完成']],
    ['review not yet given', { ...all, review: { result: null } }, ['未经合法性审查']],
    ['review refused', { ...all, review: { result: '不同意' } }, ['合法性审查意见为不同意']],
    ['review 修改后同意', { ...all, review: { result: '修改后同意' } }, []],
  ])('%s', (_n, s, want) => {
    const got = missingSteps(s);
    expect(got.length).toBe(want.length);
    for (const [i, w] of want.entries()) expect(got[i]).toContain(w);
  });

  it('the workflow guards cite the article', () => {
    const f = { ...all, publication: { required: true, done: false }, evaluated: false, on: '2022-05-06' };
    expect(decisionGuards.stepsDone({ ...f, risk: { required: true, done: false } })[0]).toContain('第二十二条');
    expect(decisionGuards.legalityPassed({ ...f, review: { result: '不同意' } })[0]).toContain('第二十五条');
    expect(decisionGuards.publishedOrExempt(f)[0]).toContain('第三十二条');
    expect(decisionGuards.publishedOrExempt({ ...f, publication: { required: false, done: false } })).toEqual([]);
  });
});

describe('the stage a ledger row’s dates put a decision in', () => {
  const none = { reviewSubmittedOn: null, reviewResult: null, discussionResult: null, publicationOn: null, archivedOn: null };
  it.each<[string, Partial<Parameters<typeof statusOf>[0]>, string]>([
    ['nothing yet', {}, 'drafting'],
    ['submitted', { reviewSubmittedOn: '2022-01-01' }, 'in_review'],
    ['refused by the review', { reviewSubmittedOn: '2022-01-01', reviewResult: '不同意' }, 'drafting'],
    ['passed', { reviewSubmittedOn: '2022-01-01', reviewResult: '修改后同意' }, 'reviewed'],
    ['deferred', { reviewSubmittedOn: '2022-01-01', reviewResult: '同意', discussionResult: '暂缓' }, 'reviewed'],
    ['made', { reviewResult: '同意', discussionResult: '同意' }, 'made'],
    ['published', { reviewResult: '同意', discussionResult: '同意', publicationOn: '2022-02-01' }, 'published'],
    ['rejected', { reviewResult: '同意', discussionResult: '不同意' }, 'rejected'],
    ['archived', { reviewResult: '同意', discussionResult: '同意', archivedOn: '2022-03-01' }, 'archived'],
  ])('%s', (_n, r, want) => {
    expect(statusOf({ ...none, ...r })).toBe(want);
  });
});

describe('the catalogue: edits and deletions (第三条第三款)', () => {
  const cases: Array<[string, { publishedOn: string | null; decisions: number }, boolean, boolean]> = [
    // what, item, edit allowed, delete allowed
    ['unpublished, no decision', { publishedOn: null, decisions: 0 }, true, true],
    ['unpublished, one decision', { publishedOn: null, decisions: 1 }, true, false],
    ['published, no decision', { publishedOn: '2022-02-25', decisions: 0 }, false, false],
    ['published, with decisions', { publishedOn: '2022-02-25', decisions: 2 }, false, false],
  ];
  it.each(cases)('%s', (_what, item, edit, del) => {
    expect(catalogueEditProblems(item)).toHaveLength(edit ? 0 : 1);
    expect(catalogueDeleteProblems(item).length === 0).toBe(del);
    for (const p of [...catalogueEditProblems(item), ...catalogueDeleteProblems(item)].filter((m) => m.includes('公布')))
      expect(p).toContain(`已于${item.publishedOn}公布`);
    if (!edit) expect(catalogueEditProblems(item)[0]).toContain(CATALOGUE_SOURCE);
  });
});

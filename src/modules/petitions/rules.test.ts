import { describe, expect, it } from 'vitest';
import { computeDeadline, createCalendar } from '../../core/calendar/index.js';
import { explainClock, extensionProblem } from '../demands/index.js';
import { ACCEPT_RULE, EXTENSION_CAP, HANDLE_RULE, REVIEW_ANSWER_RULE, reviewProblem, type Review } from './rules.js';

const cal = createCalendar({});

describe('petition terms (信访工作条例) in calendar days, rolled past holidays', () => {
  it.each([
    ['acceptance notice: 15 days from receipt', ACCEPT_RULE, '2022-03-01', '2022-03-16'],
    ['acceptance notice ending on National Day rolls to the first working day (8 Oct is a make-up Saturday)', ACCEPT_RULE, '2022-09-16', '2022-10-08'],
    ['handling: 60 days from acceptance, ending on the May Day holiday, rolls to 5 May', HANDLE_RULE, '2022-03-01', '2022-05-05'],
    ['handling ending in Spring Festival 2023 (21–27 Jan) rolls to 28 Jan, a make-up Saturday', HANDLE_RULE, '2022-11-24', '2023-01-28'],
    ['复查 answered within 30 days', REVIEW_ANSWER_RULE.复查, '2022-06-01', '2022-07-01'],
  ])('%s', (_n, rule, start, due) => expect(computeDeadline({ rule, start }, cal).due).toBe(due));

  it('an approved 30-day extension runs on from the unrolled 60th day', () => {
    const x = explainClock(
      {
        rule: HANDLE_RULE,
        start: '2022-03-01',
        pauses: [],
        extensions: [{ n: 30, approvedOn: '2022-04-20', approvedBy: '李局长', reason: '案情复杂' }],
        restartOn: null,
        pausedSince: null,
        pauseReason: null,
      },
      '2022-04-20',
      cal,
    );
    expect(x.due).toBe('2022-05-30');
  });

  it.each([
    ['30 days is allowed', [], 30, null],
    ['31 days is over the cap', [], 31, '延长合计不得超过30日'],
    ['a second extension may not exceed the rest', [{ n: 20, approvedOn: '2022-04-01', approvedBy: 'x', reason: 'y' }], 11, '已延长20日'],
  ])('extension cap: %s', (_n, existing, n, problem) => {
    const p = extensionProblem(existing, { n }, HANDLE_RULE, EXTENSION_CAP);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});

describe('复查 and 复核', () => {
  const answered: Review = { stage: '复查', appliedOn: '2022-05-01', dueOn: '2022-05-31', answeredOn: '2022-05-20', result: '维持' };
  it.each([
    [
      '复查 before any opinion is refused',
      { stage: '复查' as const, reviews: [], opinionOn: null, appliedOn: '2022-05-01', applyDue: null },
      '尚未出具处理意见',
    ],
    [
      '复查 within 30 days of the opinion is allowed',
      { stage: '复查' as const, reviews: [], opinionOn: '2022-04-20', appliedOn: '2022-05-01', applyDue: '2022-05-20' },
      null,
    ],
    [
      '复查 after its 30 days is refused',
      { stage: '复查' as const, reviews: [], opinionOn: '2022-04-20', appliedOn: '2022-05-25', applyDue: '2022-05-20' },
      '已超过申请复查期限',
    ],
    [
      '复核 needs an answered 复查',
      { stage: '复核' as const, reviews: [{ ...answered, answeredOn: null }], opinionOn: '2022-04-20', appliedOn: '2022-05-25', applyDue: null },
      '复查意见尚未作出',
    ],
    [
      '复核 after an answered 复查 is allowed',
      { stage: '复核' as const, reviews: [answered], opinionOn: '2022-04-20', appliedOn: '2022-06-01', applyDue: '2022-06-19' },
      null,
    ],
    [
      'nothing after 复核',
      {
        stage: '复查' as const,
        reviews: [answered, { ...answered, stage: '复核' as const }],
        opinionOn: '2022-04-20',
        appliedOn: '2022-07-01',
        applyDue: null,
      },
      '不再受理',
    ],
  ])('%s', (_n, args, problem) => {
    const p = reviewProblem(args);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});

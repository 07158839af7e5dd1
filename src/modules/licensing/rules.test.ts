import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import {
  certificateDue,
  checkCorrectionNotice,
  checkExtension,
  checkItemLimits,
  checkPause,
  clockStart,
  compressionRate,
  correctionDue,
  decisionBreaches,
  decisionDeadlines,
  publicationBreaches,
} from './rules.js';
import { DEMO_ITEMS } from './demoCatalogue.js';

const cal = createCalendar({});

describe('补正告知: one notice within 5 working days (行政许可法第三十二条)', () => {
  it.each([
    ['a Monday application: the notice is due the next Monday', '2022-03-07', '2022-03-14'],
    ['spans National Day and counts the make-up Saturday and Sunday', '2022-09-29', '2022-10-11'],
  ])('%s', (_n, received, due) => expect(correctionDue(received, cal)).toBe(due));

  it('accepts a notice on the 5th working day', () => expect(() => checkCorrectionNotice('2022-03-07', '2022-03-14', cal)).not.toThrow());
  it('refuses a notice on the 6th working day: the application already counts as accepted', () =>
    expect(() => checkCorrectionNotice('2022-03-07', '2022-03-15', cal)).toThrow(/自收到申请材料之日（2022-03-07）起即为受理/));
  it('refuses a notice dated before the application', () => expect(() => checkCorrectionNotice('2022-03-07', '2022-03-04', cal)).toThrow(/不能早于收件日期/));
});

describe('受理日 for the decision clock (行政许可法第三十二条)', () => {
  it.each([
    [
      'accepted on the 5th working day: the clock starts at 受理',
      { receivedOn: '2022-03-07', acceptedOn: '2022-03-14' },
      { start: '2022-03-14', deemed: false },
    ],
    [
      'accepted on the 6th working day without a notice: deemed accepted on receipt',
      { receivedOn: '2022-03-07', acceptedOn: '2022-03-15' },
      { start: '2022-03-07', deemed: true },
    ],
    [
      'accepted after a timely correction notice: the clock starts at 受理',
      { receivedOn: '2022-03-07', correctionNoticeOn: '2022-03-09', acceptedOn: '2022-03-25' },
      { start: '2022-03-25', deemed: false },
    ],
  ])('%s', (_n, input, out) => expect(clockStart(input, cal)).toEqual(out));
});

describe('决定期限: committed term, statutory bound, excluded time and extension (行政许可法第四十二、四十五条)', () => {
  const base = { start: '2022-03-07', committedDays: 2, statutoryDays: 20 };
  it.each([
    ['2 committed working days from a Monday', base, '2022-03-09', '2022-04-02'],
    ['20 statutory working days end on the make-up Saturday before Qingming', base, '2022-03-09', '2022-04-02'],
    [
      'expert review on Tue–Thu is not counted',
      { ...base, pauses: [{ from: '2022-03-08', to: '2022-03-10', reason: '专家评审' }] },
      '2022-03-14',
      '2022-04-08',
    ],
    ['an approved 10-day extension is added to both', { ...base, extensionDays: 10 }, '2022-03-23', '2022-04-19'],
    ['a 45-day 取水许可 term crosses May Day', { start: '2022-04-01', committedDays: 3, statutoryDays: 45 }, '2022-04-07', '2022-06-08'],
  ])('%s', (_n, input, committed, statutory) => {
    const d = decisionDeadlines(input, cal);
    expect(d.committed.due).toBe(committed);
    expect(d.statutory.due).toBe(statutory);
  });

  it.each([
    ['approved on the committed due date (its last day): both extended', '2022-03-09', ['2022-03-23', '2022-04-19'], [false, false]],
    [
      'approved the day after the committed due date: the commitment stays (late), the statutory bound extends',
      '2022-03-10',
      ['2022-03-09', '2022-04-19'],
      [true, false],
    ],
    ['approved on the statutory due date: the statutory bound still extends', '2022-04-02', ['2022-03-09', '2022-04-19'], [true, false]],
    ['approved the day after the statutory due date: neither extends', '2022-04-03', ['2022-03-09', '2022-04-02'], [true, true]],
    ['no approval date recorded (older records): counted', null, ['2022-03-23', '2022-04-19'], [false, false]],
  ])('an extension of 10 working days %s', (_n, approvedOn, [committed, statutory], [cVoid, sVoid]) => {
    const d = decisionDeadlines({ ...base, extensionDays: 10, extensionApprovedOn: approvedOn }, cal);
    expect([d.committed.due, d.statutory.due]).toEqual([committed, statutory]);
    expect([!!d.voided.committed, !!d.voided.statutory]).toEqual([cVoid, sVoid]);
  });
  it('the explanation of a deadline an extension did not extend says why', () => {
    const d = decisionDeadlines({ ...base, extensionDays: 10, extensionApprovedOn: '2022-03-10' }, cal);
    expect(d.committed.text).toContain(
      '延长10个工作日的批准日期2022-03-10晚于承诺期限届满日2022-03-09：期限届满后批准的延长不发生延长效力，承诺期限按未延长计',
    );
    expect(d.voided.committed).toContain('行政许可法第四十二条');
  });

  it.each([
    ['a second extension', { days: 5, approvedOn: '2022-03-08', already: true, currentDue: '2022-03-09' }, /只允许延长一次/],
    ['more than 10 working days', { days: 11, approvedOn: '2022-03-08', already: false, currentDue: '2022-03-09' }, /1至10个工作日/],
    ['approved after the deadline passed', { days: 5, approvedOn: '2022-03-10', already: false, currentDue: '2022-03-09' }, /届满（2022-03-09）前/],
  ])('refuses %s', (_n, input, msg) => expect(() => checkExtension(input)).toThrow(msg));
  it('allows one extension of 10 working days approved in time', () =>
    expect(() => checkExtension({ days: 10, approvedOn: '2022-03-09', already: false, currentDue: '2022-03-09' })).not.toThrow());

  it.each([
    ['an unlisted reason', { from: '2022-03-08', to: '2022-03-09', reason: '领导出差' }, /行政许可法第四十五条/],
    ['an end before its start', { from: '2022-03-09', to: '2022-03-08', reason: '听证' }, /结束日期/],
    ['a period before 受理', { from: '2022-03-07', to: '2022-03-08', reason: '检测' }, /受理之后/],
  ])('refuses a pause with %s', (_n, p, msg) => expect(() => checkPause(p, '2022-03-07')).toThrow(msg));
});

describe('颁发证件: within 10 working days of the decision (行政许可法第四十四条)', () => {
  it.each([
    ['a Monday decision', '2022-03-07', '2022-03-21'],
    ['a decision before National Day counts the make-up weekend', '2022-09-29', '2022-10-18'],
  ])('%s', (_n, decided, due) => expect(certificateDue(decided, cal)).toBe(due));
});

describe('时限压缩率 = 1 − Σ承诺时限 / Σ法定时限', () => {
  it.each([
    ['one 20-day item promised in 2 days', [{ statutoryDays: 20, committedDays: 2 }], 90],
    [
      'a 45-day and a 20-day item promised in 3 + 1 days',
      [
        { statutoryDays: 45, committedDays: 3 },
        { statutoryDays: 20, committedDays: 1 },
      ],
      93.85,
    ],
    ['no compression', [{ statutoryDays: 20, committedDays: 20 }], 0],
    ['an empty catalogue has no rate', [], null],
  ])('%s', (_n, items, rate) => expect(compressionRate(items)).toBe(rate));

  it('the demo catalogue compresses 93.01 % with at least 30 % on the 政务云窗', () => {
    expect(compressionRate(DEMO_ITEMS)).toBe(93.01);
    expect(DEMO_ITEMS.filter((i) => i.cloudWindow).length / DEMO_ITEMS.length).toBeGreaterThanOrEqual(0.3);
  });

  it.each([
    ['a committed term longer than the statutory one', 20, 21, /不能超过法定时限/],
    ['a zero statutory term', 0, 0, /法定时限应为正整数/],
  ])('refuses %s', (_n, s, c, msg) => expect(() => checkItemLimits(s, c)).toThrow(msg));
});

describe('findings of a past case (行政许可法第四十二条; 国办发〔2018〕118号)', () => {
  it.each([
    ['decided on the committed deadline: no breach', { decidedOn: '2022-03-09', dueOn: '2022-03-09', statutoryDueOn: '2022-04-06' }, []],
    [
      'one day past the committed term, within the statutory one',
      { decidedOn: '2022-03-10', dueOn: '2022-03-09', statutoryDueOn: '2022-04-06' },
      ['licensing.decision_in_time'],
    ],
    [
      'past the statutory term too',
      { decidedOn: '2022-04-07', dueOn: '2022-03-09', statutoryDueOn: '2022-04-06' },
      ['licensing.decision_in_time', 'licensing.decision_statutory_term'],
    ],
    ['not decided yet: nothing to judge', { decidedOn: null, dueOn: '2022-03-09', statutoryDueOn: '2022-04-06' }, []],
  ])('%s', (_n, input, rules) => {
    const b = decisionBreaches(input);
    expect(b.map((x) => x.rule)).toEqual(rules);
    for (const x of b) expect(x).toMatchObject({ statute: '《中华人民共和国行政许可法》第四十二条', column: '办结日期' });
  });

  it.each([
    ['published on the 7th working day', { result: '准予许可', decidedOn: '2022-03-07', publishedOn: '2022-03-16' }, []],
    ['published on the 8th working day', { result: '准予许可', decidedOn: '2022-03-07', publishedOn: '2022-03-17' }, ['licensing.publication_in_time']],
    ['decided before National Day: the holiday is not counted', { result: '准予许可', decidedOn: '2022-09-29', publishedOn: '2022-10-12' }, []],
    ['a refusal is not published under this rule', { result: '不予许可', decidedOn: '2022-03-07', publishedOn: null }, []],
    ['not published yet: the register tracks it open', { result: '准予许可', decidedOn: '2022-03-07', publishedOn: null }, []],
  ])('%s', (_n, input, rules) => {
    const b = publicationBreaches(input, cal);
    expect(b.map((x) => x.rule)).toEqual(rules);
    for (const x of b) expect(x).toMatchObject({ column: '公示日期', statute: expect.stringContaining('国办发〔2018〕118号') });
  });
});

import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/index.js';
import { explainClock, type ClockState } from '../demands/index.js';
import {
  CLOCK_RULES,
  clockBreaches,
  correctionEffect,
  correctionNoticeBreach,
  correctionNoticeDue,
  parseDates,
  REPLY_RULE,
  requestsTable,
  RESTART_CORRECTION,
} from './rules.js';
import { disclosureKind } from './kind.js';

const cal = createCalendar({});
/** Received Tuesday 1 March 2022: correction notice due 10 March (7th working day), reply due 29 March. */
const RECEIVED = '2022-03-01';
const clock = (more: Partial<ClockState> = {}): ClockState => ({
  rule: REPLY_RULE,
  start: RECEIVED,
  pauses: [],
  extensions: [],
  restartOn: null,
  pausedSince: null,
  pauseReason: null,
  ...more,
});

describe('补正告知: within 7 working days of receipt, once (政府信息公开条例第三十条)', () => {
  it.each([
    ['received on a Tuesday', '2022-03-01', '2022-03-10'],
    ['received before National Day counts the make-up weekend 8–9 Oct', '2022-09-28', '2022-10-12'],
  ])('the notice is due on the 7th working day: %s', (_n, received, due) => expect(correctionNoticeDue(received, cal)).toBe(due));

  it.each([
    ['on the day of receipt', '2022-03-01', false, null],
    ['on the 7th working day (the last day allowed)', '2022-03-10', false, null],
    ['on the 8th working day (the first day refused)', '2022-03-11', false, 'disclosure.correction_in_time'],
    ['a second notice, even in time', '2022-03-04', true, 'disclosure.correction_once'],
  ])('a notice %s', (_n, noticeOn, earlier, rule) => {
    expect(correctionNoticeBreach({ receivedOn: RECEIVED, noticeOn, earlier }, cal)?.rule ?? null).toBe(rule);
  });

  it('the late notice’s message names the term, the receipt and what follows', () => {
    const b = correctionNoticeBreach({ receivedOn: RECEIVED, noticeOn: '2022-03-11', earlier: false }, cal)!;
    expect(b).toMatchObject({ statute: '政府信息公开条例第三十条', field: 'at', column: '补正告知日期' });
    expect(b.message).toBe(
      '补正告知日期2022-03-11晚于收到申请后7个工作日（2022-03-10）：逾期告知补正不重新起算答复期限，答复期限自收到申请之日（2022-03-01）起计算',
    );
  });
});

describe('what correction notices do to the reply clock (the import: correctionEffect)', () => {
  it.each([
    ['no notice', [], null, null, { restartOn: null, pauses: 0, pausedSince: null, breaches: [] }],
    [
      'a timely notice and the correction: restart from the correction',
      ['2022-03-10'],
      '2022-03-20',
      null,
      { restartOn: '2022-03-20', pauses: 1, pausedSince: null, breaches: [] },
    ],
    [
      'a late notice: no restart, the clock runs from receipt',
      ['2022-03-11'],
      '2022-03-20',
      null,
      { restartOn: null, pauses: 0, pausedSince: null, breaches: ['disclosure.correction_in_time'] },
    ],
    [
      'a second notice: the first (timely) one restarts, the second is a breach',
      ['2022-03-04', '2022-03-09'],
      '2022-03-20',
      null,
      { restartOn: '2022-03-20', pauses: 1, pausedSince: null, breaches: ['disclosure.correction_once'] },
    ],
    [
      'a timely notice, never corrected, replied: held until the reply',
      ['2022-03-04'],
      null,
      '2022-04-20',
      { restartOn: null, pauses: 1, pausedSince: null, breaches: [] },
    ],
    [
      'a timely notice, never corrected, still open: paused since the notice',
      ['2022-03-04'],
      null,
      null,
      { restartOn: null, pauses: 0, pausedSince: '2022-03-04', breaches: [] },
    ],
  ])('%s', (_n, notices, correctedOn, repliedOn, want) => {
    const e = correctionEffect({ receivedOn: RECEIVED, notices, correctedOn, repliedOn }, cal);
    expect({ restartOn: e.restartOn, pauses: e.pauses.length, pausedSince: e.pausedSince, breaches: e.breaches.map((b) => b.rule) }).toEqual(want);
  });

  it('a timely correction: the reply is due 20 working days after the corrected application arrived', () => {
    const e = correctionEffect({ receivedOn: RECEIVED, notices: ['2022-03-10'], correctedOn: '2022-03-21', repliedOn: null }, cal);
    expect(explainClock(clock({ pauses: e.pauses, restartOn: e.restartOn }), '2022-12-31', cal, CLOCK_RULES).due).toBe(cal.addWorkdays('2022-03-21', 20));
  });
  it('a late notice: the reply is still due 20 working days after receipt', () => {
    const e = correctionEffect({ receivedOn: RECEIVED, notices: ['2022-03-11'], correctedOn: '2022-03-21', repliedOn: null }, cal);
    expect(explainClock(clock({ pauses: e.pauses, restartOn: e.restartOn }), '2022-12-31', cal, CLOCK_RULES).due).toBe('2022-03-29');
  });
});

describe('the form’s correction notice (clockBreaches on a pause)', () => {
  const pause = (on: string, more: Partial<ClockState> = {}) =>
    clockBreaches(
      { change: 'pause', receivedOn: RECEIVED, clock: clock({ pausedSince: on, pauseReason: RESTART_CORRECTION, ...more }), due: '2022-03-29', on, attrs: {} },
      cal,
    ).map((b) => b.field);
  it.each([
    ['on the 7th working day: allowed', pause('2022-03-10'), []],
    ['on the 8th working day: refused, naming the date', pause('2022-03-11'), ['at']],
    ['after a correction already restarted the clock: refused (一次性告知)', pause('2022-03-05', { restartOn: '2022-03-04' }), ['reason']],
    [
      'after an earlier notice whose pause is kept: refused',
      pause('2022-03-08', { pauses: [{ from: '2022-03-02', to: '2022-03-04', reason: RESTART_CORRECTION }] }),
      ['reason'],
    ],
  ])('%s', (_n, got, want) => expect(got).toEqual(want));

  it('a consultation pause is not a correction notice', () =>
    expect(
      clockBreaches(
        {
          change: 'pause',
          receivedOn: RECEIVED,
          clock: clock({ pausedSince: '2022-03-20', pauseReason: '征求第三方意见' }),
          due: '2022-03-29',
          on: '2022-03-20',
          attrs: {},
        },
        cal,
      ),
    ).toEqual([]));
});

describe('the kind applies the rules it declares', () => {
  it('the disclosure kind carries the clock rules and the correction check', () => {
    expect(disclosureKind.clockRules).toBe(CLOCK_RULES);
    expect(disclosureKind.clockBreaches).toBe(clockBreaches);
    expect(CLOCK_RULES.pauseCaps).toEqual([expect.objectContaining({ reason: '征求第三方意见', n: 15, unit: 'workday' })]);
  });
  it.each([
    ['a third-party consultation of exactly 15 working days is all excluded', '2022-03-22', '2022-04-20'],
    ['one of 16 working days excludes 15 (第三十二条)', '2022-03-23', '2022-04-20'],
  ])('%s', (_n, to, due) =>
    expect(explainClock(clock({ pauses: [{ from: '2022-03-02', to, reason: '征求第三方意见' }] }), '2022-12-31', cal, CLOCK_RULES).due).toBe(due),
  );
  it.each([
    ['an extension approved on the due date counts', '2022-03-29', '2022-04-26'],
    ['one approved the day after does not (第三十三条)', '2022-03-30', '2022-03-29'],
  ])('%s', (_n, approvedOn, due) =>
    expect(explainClock(clock({ extensions: [{ n: 20, approvedOn, approvedBy: '王主任', reason: '需调取档案' }] }), '2022-12-31', cal, CLOCK_RULES).due).toBe(
      due,
    ),
  );
});

describe('ledger cells of dates', () => {
  it.each([
    ['empty', null, []],
    ['one date', '2022-03-04', ['2022-03-04']],
    ['two dates separated by 、', '2022-03-04、2022-03-09', ['2022-03-04', '2022-03-09']],
    ['a non-date', '2022-03-04、三月九日', null],
  ])('%s', (_n, cell, want) => expect(parseDates(cell)).toEqual(want));
});

describe('requests table still balances', () => {
  it('new + carried = results + next', () => {
    const t = requestsTable([{ refNo: 'a', applicantType: '自然人', receivedOn: '2022-03-01', repliedOn: '2022-03-20', outcome: '予以公开' }], 2022);
    expect(t.check.ok).toBe(true);
  });
});

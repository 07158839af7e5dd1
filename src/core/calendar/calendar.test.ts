import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  CHINESE_DAYS_YEARS,
  addDays,
  createCalendar,
  dayOfWeek,
  fromDayNumber,
  isIsoDate,
  isoDateInShanghai,
  toDayNumber,
  type DayInfo,
  type IsoDate,
} from './index.js';

// Expected values are worked out by hand from the State Council notices:
// 2024 — 元旦 01-01; 春节 02-10..02-17 (make-up Sun 02-04, Sun 02-18); 清明 04-04..04-06
//        (make-up Sun 04-07); 劳动节 05-01..05-05 (make-up Sun 04-28, Sat 05-11); 端午 06-10;
//        中秋 09-15..09-17 (make-up Sat 09-14); 国庆 10-01..10-07 (make-up Sun 09-29, Sat 10-12).
// 2025 — 元旦 01-01; 春节 01-28..02-04 (make-up Sun 01-26, Sat 02-08); 清明 04-04..04-06;
//        劳动节 05-01..05-05 (make-up Sun 04-27); 端午 05-31..06-02;
//        国庆+中秋 10-01..10-08 (make-up Sun 09-28, Sat 10-11).
// They are then cross-checked against chinese-days' own functions below.

const cal = createCalendar();

/** chinese-days' functions read dates in the process time zone: only trust them east of UTC. */
const westOfUtc = new Date(Date.UTC(2025, 0, 1)).getTimezoneOffset() > 0;

describe('dayInfo / isWorkday', () => {
  const rows: Array<{ name: string; date: IsoDate; expect: Omit<DayInfo, 'date'> }> = [
    {
      name: 'make-up Sunday before the Spring Festival 2025 is a working day',
      date: '2025-01-26',
      expect: { workday: true, kind: 'makeup', name: '春节', source: 'chinese-days' },
    },
    {
      name: 'make-up Saturday after the Spring Festival 2025 is a working day',
      date: '2025-02-08',
      expect: { workday: true, kind: 'makeup', name: '春节', source: 'chinese-days' },
    },
    { name: 'Tuesday 28 Jan 2025 (除夕) is a holiday', date: '2025-01-28', expect: { workday: false, kind: 'holiday', name: '春节', source: 'chinese-days' } },
    {
      name: 'a weekend day inside the Spring Festival block is a holiday',
      date: '2025-02-01',
      expect: { workday: false, kind: 'holiday', name: '春节', source: 'chinese-days' },
    },
    {
      name: 'the Sunday after the make-up Saturday is an ordinary weekend',
      date: '2025-02-09',
      expect: { workday: false, kind: 'weekend', source: 'weekday-rule' },
    },
    {
      name: 'Monday 7 Oct 2024 (National Day) is a holiday weekday',
      date: '2024-10-07',
      expect: { workday: false, kind: 'holiday', name: '国庆节', source: 'chinese-days' },
    },
    { name: 'make-up Sunday 29 Sep 2024', date: '2024-09-29', expect: { workday: true, kind: 'makeup', name: '国庆节', source: 'chinese-days' } },
    { name: 'make-up Saturday 12 Oct 2024', date: '2024-10-12', expect: { workday: true, kind: 'makeup', name: '国庆节', source: 'chinese-days' } },
    {
      name: 'Mid-Autumn Festival inside National Day 2025',
      date: '2025-10-06',
      expect: { workday: false, kind: 'holiday', name: '中秋', source: 'chinese-days' },
    },
    { name: 'New Year’s Eve 2024 is an ordinary Tuesday', date: '2024-12-31', expect: { workday: true, kind: 'weekday', source: 'weekday-rule' } },
    { name: 'New Year’s Day 2025 is a holiday', date: '2025-01-01', expect: { workday: false, kind: 'holiday', name: '元旦', source: 'chinese-days' } },
    {
      name: '1 Jan 2027 is not announced yet but is 元旦 by statute',
      date: '2027-01-01',
      expect: { workday: false, kind: 'holiday', name: '元旦', source: 'statute' },
    },
    {
      name: '1 Oct 2031 (unannounced) is 国庆节 and 中秋 by statute',
      date: '2031-10-01',
      expect: { workday: false, kind: 'holiday', name: '中秋、国庆节', source: 'statute' },
    },
    { name: 'Mon 4 Jan 2027: no 调休 known, a plain working day', date: '2027-01-04', expect: { workday: true, kind: 'weekday', source: 'weekday-rule' } },
    { name: '31 Dec 2027 (unannounced) is an ordinary Friday', date: '2027-12-31', expect: { workday: true, kind: 'weekday', source: 'weekday-rule' } },
  ];
  it.each(rows)('$name ($date)', ({ date, expect: e }) => {
    expect(cal.dayInfo(date)).toEqual({ date, ...e });
    expect(cal.isWorkday(date)).toBe(e.workday);
  });

  it('memoises: the same frozen object for the same date', () => {
    const a = cal.dayInfo('2025-01-26');
    expect(cal.dayInfo('2025-01-26')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('isCovered', () => {
  it.each([
    { year: 2004, covered: true },
    { year: 2025, covered: true },
    { year: 2026, covered: true },
    { year: 2003, covered: false },
    { year: 2027, covered: false },
    { year: 2031, covered: false },
  ])('chinese-days covers $year: $covered', ({ year, covered }) => {
    expect(cal.isCovered(year)).toBe(covered);
  });

  it('chinese-days holds exactly 2004–2026', () => {
    expect([...CHINESE_DAYS_YEARS].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('a year is covered once the override table has rows for it, or it is declared', () => {
    const c = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }], coveredYears: [2028] });
    expect(c.isCovered(2027)).toBe(true);
    expect(c.isCovered(2028)).toBe(true);
    expect(c.isCovered(2029)).toBe(false);
  });
});

describe('override table (节假日补录)', () => {
  const c = createCalendar({
    overrides: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-20', kind: 'workday', name: '春节' },
      { date: '2025-01-26', kind: 'holiday', name: '更正' },
      { date: '2025-01-28', kind: 'workday' },
    ],
  });
  const rows: Array<{ name: string; date: IsoDate; expect: Omit<DayInfo, 'date'> }> = [
    {
      name: 'names a holiday in an unannounced year (the override wins over the statute)',
      date: '2027-01-01',
      expect: { workday: false, kind: 'holiday', name: '元旦', source: 'override' },
    },
    { name: 'turns a Saturday into a make-up working day', date: '2027-02-20', expect: { workday: true, kind: 'makeup', name: '春节', source: 'override' } },
    {
      name: 'wins over chinese-days (make-up Sunday → holiday)',
      date: '2025-01-26',
      expect: { workday: false, kind: 'holiday', name: '更正', source: 'override' },
    },
    { name: 'wins over chinese-days (holiday Tuesday → working day)', date: '2025-01-28', expect: { workday: true, kind: 'weekday', source: 'override' } },
  ];
  it.each(rows)('$name ($date)', ({ date, expect: e }) => {
    expect(c.dayInfo(date)).toEqual({ date, ...e });
  });

  it('moves working-day counts: 3 working days from Wed 30 Dec 2026', () => {
    // 1 Jan 2027 is 元旦 by statute with or without the override: 12-31, 1-4, 1-5.
    expect(cal.addWorkdays('2026-12-30', 3)).toBe('2027-01-05');
    expect(c.addWorkdays('2026-12-30', 3)).toBe('2027-01-05');
    // A 调休 the notice announces comes from the table only: Sat 20 Feb 2027 counts with it.
    expect(cal.addWorkdays('2027-02-18', 2)).toBe('2027-02-22');
    expect(c.addWorkdays('2027-02-18', 2)).toBe('2027-02-20');
  });

  it('an override wins over a statutory holiday too', () => {
    const w = createCalendar({
      overrides: [
        { date: '2027-10-01', kind: 'workday', name: '测试' },
        { date: '2027-10-04', kind: 'holiday' },
      ],
    });
    expect(w.dayInfo('2027-10-01')).toEqual({ date: '2027-10-01', workday: true, kind: 'weekday', name: '测试', source: 'override' });
    expect(cal.dayInfo('2027-10-01')).toMatchObject({ workday: false, source: 'statute' });
    expect(w.dayInfo('2027-10-04')).toEqual({ date: '2027-10-04', workday: false, kind: 'holiday', source: 'override' });
  });

  it('rejects a bad date or a duplicate row with a coded Chinese error', () => {
    expect(() => createCalendar({ overrides: [{ date: '2027-02-30', kind: 'holiday' }] })).toThrow(/日期格式无效/);
    expect(() =>
      createCalendar({
        overrides: [
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'workday' },
        ],
      }),
    ).toThrow(AppError);
  });
});

describe('addWorkdays — the start day is not counted (民事诉讼法 art. 85)', () => {
  const rows: Array<{ name: string; start: IsoDate; n: number; due: IsoDate }> = [
    {
      name: '10 working days across Spring Festival 2025, counting make-up Sun 26 Jan and ending on make-up Sat 8 Feb',
      start: '2025-01-20',
      n: 10,
      due: '2025-02-08',
    },
    { name: '5 working days from Fri 27 Sep 2024 across National Day, counting make-up Sun 29 Sep', start: '2024-09-27', n: 5, due: '2024-10-10' },
    { name: '7 working days from Fri 27 Sep 2024 end on make-up Sat 12 Oct', start: '2024-09-27', n: 7, due: '2024-10-12' },
    { name: '3 working days over the year end skip New Year’s Day 2025', start: '2024-12-30', n: 3, due: '2025-01-03' },
    { name: '1 working day from a Friday is the Monday (start day not counted)', start: '2025-03-07', n: 1, due: '2025-03-10' },
    { name: '1 working day from a holiday is the first day after it', start: '2024-10-03', n: 1, due: '2024-10-08' },
    { name: '20 working days across Qingming 2025', start: '2025-03-10', n: 20, due: '2025-04-08' },
    { name: 'n = 0 returns the start, even on a holiday', start: '2025-01-28', n: 0, due: '2025-01-28' },
    { name: '7 working days in 2031 (unannounced: 国庆 1–3 Oct by statute, no 调休)', start: '2031-09-25', n: 7, due: '2031-10-09' },
    { name: 'negative n counts back: 10 working days before make-up Sat 8 Feb 2025', start: '2025-02-08', n: -10, due: '2025-01-20' },
  ];
  it.each(rows)('$name', ({ start, n, due }) => {
    expect(cal.addWorkdays(start, n)).toBe(due);
    if (n >= 0) expect(cal.workdaysBetween(start, due)).toBe(n);
  });

  it.skipIf(westOfUtc).each(rows.filter((r) => r.n > 0 && cal.isCovered(Number(r.due.slice(0, 4)))))(
    'agrees with chinese-days findWorkday: $name',
    ({ start, n, due }) => {
      expect(chineseDays.findWorkday(n, start)).toBe(due);
    },
  );
});

describe('addCalendarDays — 15 days etc., rolled off non-working days', () => {
  const rows: Array<{ name: string; start: IsoDate; n: number; roll: boolean; due: IsoDate }> = [
    { name: '15 days ending on New Year’s Day 2025 roll to Thu 2 Jan', start: '2024-12-17', n: 15, roll: true, due: '2025-01-02' },
    { name: '15 days ending in the Spring Festival (29 Jan 2025) roll to Wed 5 Feb', start: '2025-01-14', n: 15, roll: true, due: '2025-02-05' },
    { name: '15 days ending on make-up Sat 8 Feb 2025 do not roll', start: '2025-01-24', n: 15, roll: true, due: '2025-02-08' },
    { name: '15 days ending on an ordinary Saturday roll to Monday', start: '2025-02-14', n: 15, roll: true, due: '2025-03-03' },
    { name: '60 days ending on 1 Oct 2024 roll past National Day to Tue 8 Oct', start: '2024-08-02', n: 60, roll: true, due: '2024-10-08' },
    { name: '90 days ending on Sun 2 Feb 2025 (Spring Festival) roll to Wed 5 Feb', start: '2024-11-04', n: 90, roll: true, due: '2025-02-05' },
    { name: 'without rolling the end stays on the holiday', start: '2024-12-17', n: 15, roll: false, due: '2025-01-01' },
    { name: 'n = 0 on a working day is the start', start: '2025-03-03', n: 0, roll: true, due: '2025-03-03' },
  ];
  it.each(rows)('$name', ({ start, n, roll, due }) => {
    expect(cal.addCalendarDays(start, n, { rollToWorkday: roll })).toBe(due);
  });
});

describe('addMonths — same day of month, clamped to month end', () => {
  const rows: Array<{ name: string; start: IsoDate; n: number; roll?: boolean; due: IsoDate }> = [
    { name: '31 Jan + 1 month = 28 Feb (no 31 Feb)', start: '2025-01-31', n: 1, due: '2025-02-28' },
    { name: '31 Jan 2024 + 1 month = 29 Feb (leap year)', start: '2024-01-31', n: 1, due: '2024-02-29' },
    { name: '29 Feb 2024 + 12 months = 28 Feb 2025', start: '2024-02-29', n: 12, due: '2025-02-28' },
    { name: '30 Nov 2024 + 3 months crosses the year = 28 Feb 2025', start: '2024-11-30', n: 3, due: '2025-02-28' },
    { name: '1 Sep 2024 + 1 month ends on National Day, rolled to 8 Oct', start: '2024-09-01', n: 1, roll: true, due: '2024-10-08' },
    { name: '1 Nov 2024 + 3 months ends on Sat 1 Feb 2025 (Spring Festival), rolled to 5 Feb', start: '2024-11-01', n: 3, roll: true, due: '2025-02-05' },
    { name: 'no roll by default', start: '2024-09-01', n: 1, due: '2024-10-01' },
  ];
  it.each(rows)('$name', ({ start, n, roll, due }) => {
    expect(roll === undefined ? cal.addMonths(start, n) : cal.addMonths(start, n, { rollToWorkday: roll })).toBe(due);
  });
});

describe('workdaysBetween — working days after `from` up to and including `to`', () => {
  const rows: Array<{ name: string; from: IsoDate; to: IsoDate; count: number }> = [
    { name: 'all of 2025: 248 working days', from: '2024-12-31', to: '2025-12-31', count: 248 },
    { name: 'all of 2024: 251 working days', from: '2023-12-31', to: '2024-12-31', count: 251 },
    { name: 'over New Year’s Day 2025 only 2 Jan counts', from: '2024-12-31', to: '2025-01-02', count: 1 },
    { name: 'across the Spring Festival 2025 with both make-up days', from: '2025-01-20', to: '2025-02-08', count: 10 },
    { name: 'the same day is 0', from: '2025-03-03', to: '2025-03-03', count: 0 },
    { name: '`to` before `from` is 0', from: '2025-03-03', to: '2025-02-03', count: 0 },
    { name: 'Friday to Monday is 1 (the weekend does not count)', from: '2025-03-07', to: '2025-03-10', count: 1 },
  ];
  it.each(rows)('$name', ({ from, to, count }) => {
    expect(cal.workdaysBetween(from, to)).toBe(count);
  });

  it.skipIf(westOfUtc)('agrees with chinese-days getWorkdaysInRange for 2024 and 2025', () => {
    expect(chineseDays.getWorkdaysInRange('2024-01-01', '2024-12-31').length).toBe(251);
    expect(chineseDays.getWorkdaysInRange('2025-01-01', '2025-12-31').length).toBe(248);
  });
});

describe('agreement with chinese-days', () => {
  it.skipIf(westOfUtc)('every day 2004–2026 has the same working-day status and holiday name', () => {
    const mismatches: string[] = [];
    for (let d = toDayNumber('2004-01-01'); d <= toDayNumber('2026-12-31'); d++) {
      const date = fromDayNumber(d);
      const ours = cal.dayInfo(date);
      const theirs = chineseDays.getDayDetail(date);
      const theirName = theirs.name.includes(',') ? theirs.name.split(',')[1] : undefined;
      if (ours.workday !== theirs.work || ours.name !== theirName) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('ISO date helpers', () => {
  it.each([
    { s: '2024-02-29', ok: true },
    { s: '2025-02-29', ok: false },
    { s: '2025-1-5', ok: false },
    { s: '2025/01/05', ok: false },
    { s: '0999-01-01', ok: false },
  ])('isIsoDate($s) = $ok', ({ s, ok }) => {
    expect(isIsoDate(s)).toBe(ok);
  });

  it('rejects bad dates with a VALIDATION error naming the field', () => {
    try {
      cal.addWorkdays('2025-13-01', 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION');
      expect((e as AppError).field).toBe('start');
    }
    expect(() => cal.addCalendarDays('2025-01-01', -1, { rollToWorkday: true })).toThrow(/非负整数/);
    expect(() => cal.addWorkdays('2025-01-01', 1.5)).toThrow(/整数/);
  });

  it('day arithmetic is time-zone free', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(dayOfWeek('2025-01-26')).toBe(0);
    expect(dayOfWeek('2024-10-12')).toBe(6);
    expect(dayOfWeek('1969-12-31')).toBe(3);
  });

  it('isoDateInShanghai gives the Beijing business date of an instant', () => {
    expect(isoDateInShanghai(new Date('2024-12-31T16:30:00Z'))).toBe('2025-01-01');
    expect(isoDateInShanghai(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { CHINESE_DAYS_YEARS, computeDeadline, createCalendar, lunarToSolar, qingming, statutoryHolidays, type DeadlineRule, type IsoDate } from './index.js';
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

// 全国年节及纪念日放假办法 art. 2 (2024): 元旦 1 Jan; 春节 除夕 + 初一–初三; 清明 (solar term);
// 劳动节 1–2 May; 端午 5/5 lunar; 中秋 8/15 lunar; 国庆 1–3 Oct. The lunar dates below are
// written out from published calendars (2027 春节 6 Feb, 除夕 5 Feb; 2028 春节 26 Jan…),
// not derived from the code, and then checked against chinese-days' own lunar functions.
const EXPECTED: Record<number, Array<[IsoDate, string]>> = {
  2027: [
    ['2027-01-01', '元旦'],
    ['2027-02-05', '春节'], // 除夕 (腊月廿九: 2026's 12th lunar month has 29 days)
    ['2027-02-06', '春节'],
    ['2027-02-07', '春节'],
    ['2027-02-08', '春节'],
    ['2027-04-05', '清明'],
    ['2027-05-01', '劳动节'],
    ['2027-05-02', '劳动节'],
    ['2027-06-09', '端午'],
    ['2027-09-15', '中秋'],
    ['2027-10-01', '国庆节'],
    ['2027-10-02', '国庆节'],
    ['2027-10-03', '国庆节'],
  ],
  2028: [
    ['2028-01-01', '元旦'],
    ['2028-01-25', '春节'],
    ['2028-01-26', '春节'],
    ['2028-01-27', '春节'],
    ['2028-01-28', '春节'],
    ['2028-04-04', '清明'],
    ['2028-05-01', '劳动节'],
    ['2028-05-02', '劳动节'],
    ['2028-05-28', '端午'],
    ['2028-10-01', '国庆节'],
    ['2028-10-02', '国庆节'],
    ['2028-10-03', '中秋、国庆节'], // 中秋 falls on 3 October
  ],
  2030: [
    ['2030-01-01', '元旦'],
    ['2030-02-02', '春节'], // 除夕 (腊月三十)
    ['2030-02-03', '春节'],
    ['2030-02-04', '春节'],
    ['2030-02-05', '春节'],
    ['2030-04-05', '清明'],
    ['2030-05-01', '劳动节'],
    ['2030-05-02', '劳动节'],
    ['2030-06-05', '端午'],
    ['2030-09-12', '中秋'],
    ['2030-10-01', '国庆节'],
    ['2030-10-02', '国庆节'],
    ['2030-10-03', '国庆节'],
  ],
};

describe('statutoryHolidays — the fixed holidays of each year', () => {
  it.each(Object.entries(EXPECTED))('%s', (year, days) => {
    expect(statutoryHolidays(Number(year)).map((d) => [d.date, d.name])).toEqual(days);
  });

  it('every day cites art. 2 of the 2024 revision', () => {
    for (const d of statutoryHolidays(2027))
      expect(d.source).toMatch(/^全国年节及纪念日放假办法第二条（2024年11月10日修订，2025年1月1日起施行）第[一二三四五六七]项$/);
  });

  it('none before 2025 (earlier revisions had other days); only the solar-calendar ones after 2099', () => {
    expect(statutoryHolidays(2024)).toEqual([]);
    expect(statutoryHolidays(2100).map((d) => d.name)).toEqual(['元旦', '劳动节', '劳动节', '国庆节', '国庆节', '国庆节']);
  });

  it('除夕 is the last day of the 12th lunar month (29th or 30th), by chinese-days’ own functions', () => {
    expect(lunarToSolar(2027, 1, 1)).toBe('2027-02-06');
    expect(lunarToSolar(2028, 1, 1)).toBe('2028-01-26');
    expect(lunarToSolar(2026, 12, 29)).toBe('2027-02-05');
    expect(lunarToSolar(2029, 12, 30)).toBe('2030-02-02');
  });

  it('agrees with every announced year chinese-days holds (2014–2026): the fixed days were holidays in each', () => {
    const holidays = chineseDaysData.holidays as Record<string, string>;
    const missing: string[] = [];
    for (let y = 2014; y <= 2026; y++) {
      // The days of the pre-2025 rules that the 2024 revision kept (除夕 and 2 May were added in 2025).
      const first = lunarToSolar(y, 1, 1);
      const days = [
        `${y}-01-01`,
        first,
        lunarToSolar(y, 1, 2),
        lunarToSolar(y, 1, 3),
        qingming(y),
        `${y}-05-01`,
        lunarToSolar(y, 5, 5),
        lunarToSolar(y, 8, 15),
      ];
      days.push(`${y}-10-01`, `${y}-10-02`, `${y}-10-03`);
      for (const d of days) if (!holidays[d]) missing.push(d);
    }
    expect(missing).toEqual([]);
    for (const y of [2025, 2026]) for (const d of statutoryHolidays(y)) expect(holidays[d.date], d.date).toBeDefined();
  });
});

describe('time-zone free', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  it.each(['America/New_York', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai'])('the same lunar and solar-term dates in %s', (zone) => {
    process.env.TZ = zone;
    expect([lunarToSolar(2027, 1, 1), lunarToSolar(2028, 8, 15), qingming(2027), qingming(2028)]).toEqual([
      '2027-02-06',
      '2028-10-03',
      '2027-04-05',
      '2028-04-04',
    ]);
  });
});

describe('the calendar in a year without a notice', () => {
  const cal = createCalendar();
  it('2027 and 2030 are not held by chinese-days', () => {
    expect(CHINESE_DAYS_YEARS.has(2027)).toBe(false);
    expect(cal.isCovered(2027)).toBe(false);
  });

  // Each holiday with the working day on either side of it.
  it.each<[IsoDate, boolean, string | undefined]>([
    ['2026-12-31', true, undefined],
    ['2027-01-01', false, '元旦'],
    ['2027-02-04', true, undefined], // Thu before 除夕
    ['2027-02-05', false, '春节'], // 除夕 (Fri)
    ['2027-02-08', false, '春节'], // 初三 (Mon)
    ['2027-02-09', true, undefined],
    ['2027-04-02', true, undefined],
    ['2027-04-05', false, '清明'], // Mon
    ['2027-04-06', true, undefined],
    ['2030-04-30', true, undefined],
    ['2030-05-02', false, '劳动节'], // Thu
    ['2030-05-03', true, undefined], // Fri: no bridging day until the notice
    ['2030-06-04', true, undefined],
    ['2030-06-05', false, '端午'], // Wed
    ['2030-06-06', true, undefined],
    ['2030-09-11', true, undefined],
    ['2030-09-12', false, '中秋'], // Thu
    ['2030-09-13', true, undefined],
    ['2030-09-30', true, undefined],
    ['2030-10-03', false, '国庆节'], // Thu
    ['2030-10-04', true, undefined],
  ])('%s working day: %s (%s)', (date, workday, name) => {
    const d = cal.dayInfo(date);
    expect(d.workday).toBe(workday);
    expect(d.name).toBe(name);
    expect(d.source).toBe(workday ? 'weekday-rule' : 'statute');
  });

  const R = {
    publicity: { key: 'penalty.publicity', label: '行政处罚决定公示', unit: 'workday', n: 7, source: '国办发〔2018〕118号' },
    hearing: { key: 'penalty.hearing_request', label: '要求听证', unit: 'workday', n: 5, source: '行政处罚法第六十四条' },
    payment: { key: 'penalty.payment', label: '缴纳罚款', unit: 'day', n: 15, source: '行政处罚法第六十七条' },
  } satisfies Record<string, DeadlineRule>;

  it.each<[string, DeadlineRule, IsoDate, IsoDate]>([
    // 2-04 (1); 2-05 除夕 … 2-08 初三 skipped; 2-09 … 2-16 (2–7).
    ['7 working days across 春节 2027', R.publicity, '2027-02-03', '2027-02-16'],
    ['7 working days from the Thursday before 除夕: the last is 2-17', R.publicity, '2027-02-04', '2027-02-17'],
    // 4-03 Mon (1); 4-04 清明; 4-05 … 4-07, 4-10 (2–5).
    ['5 working days across 清明 2028', R.hearing, '2028-03-31', '2028-04-10'],
    // 9-17 + 15 = 10-02 (国庆), rolled over 10-03 to Fri 10-04.
    ['15 days ending in 国庆 2030 roll to 10-04', R.payment, '2030-09-17', '2030-10-04'],
    ['15 days ending the day before 国庆 2030 stay', R.payment, '2030-09-15', '2030-09-30'],
  ])('%s', (_name, rule, start, due) => {
    const x = computeDeadline({ rule, start }, cal);
    expect(x.due).toBe(due);
    const year = due.slice(0, 4);
    expect(x.warnings).toEqual([
      `${year}年的节假日调休安排尚未录入，期限已计入该年法定节假日（全国年节及纪念日放假办法第二条），调休和补假按周一至周五推算，请管理员按国务院办公厅通知补录调休安排`,
    ]);
  });

  it('explains the holidays it met and the year it counted by statute', () => {
    const x = computeDeadline({ rule: R.publicity, start: '2027-02-03' }, cal);
    expect(x.text).toContain('跨越春节假期（2027-02-05至2027-02-08）');
    expect(x.text).toContain('2027年按法定节假日和周一至周五推算（调休安排尚未录入）');
  });

  it('the administrator’s 调休 rows still move the count and silence the warning', () => {
    const c = createCalendar({
      overrides: [
        { date: '2027-02-09', kind: 'holiday', name: '春节' },
        { date: '2027-02-20', kind: 'workday', name: '春节' },
      ],
    });
    const x = computeDeadline({ rule: R.publicity, start: '2027-02-03' }, c);
    // 2-04 (1); 2-05 … 2-09 holidays; 2-10, 2-11, 2-12, 2-15, 2-16, 2-17 (2–7).
    expect(x.due).toBe('2027-02-17');
    expect(x.warnings).toEqual([]);
  });
});

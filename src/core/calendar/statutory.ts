/**
 * 法定节假日（固定日期）— the holidays of 全国年节及纪念日放假办法 art. 2 (2024 revision,
 * in force 1 January 2025) that hold in every year whether or not the State Council's
 * annual arrangement has been announced. Only the 调休 of each year (make-up working
 * days, bridging days, the 补假 of art. 6 for a holiday on a weekend) waits for the
 * notice and the administrator's override table.
 *
 * Pure: lunar dates and the Qingming solar term come from npm chinese-days' own
 * functions (no lunar arithmetic here), called so that the process's time zone cannot
 * shift the answer (see `lunarToSolar` and `qingming`), and every lunar date is
 * checked back with chinese-days' getLunarDate.
 */
import chineseDays from 'chinese-days';
import { errors } from '../errors.js';

/** How a statutory holiday's date is fixed. */
export type StatutoryDateRule =
  | { readonly kind: 'solar'; readonly month: number; readonly days: readonly number[] }
  | { readonly kind: 'lunar'; readonly month: number; readonly day: number }
  | { readonly kind: 'lunar-new-year'; readonly eve: boolean; readonly days: readonly number[] }
  | { readonly kind: 'solar-term'; readonly term: 'pure_brightness' };

export interface StatutoryHolidayRule {
  /** The holiday's name as the calendar shows it (chinese-days' names). */
  readonly name: string;
  /** The days off, in the statute's words. */
  readonly text: string;
  readonly date: StatutoryDateRule;
  readonly source: string;
}

const SOURCE = '全国年节及纪念日放假办法第二条（2024年11月10日修订，2025年1月1日起施行）';

/** 全体公民放假的节日 — art. 2 of the 2024 revision, one row per holiday. */
export const STATUTORY_HOLIDAYS: ReadonlyArray<StatutoryHolidayRule> = [
  { name: '元旦', text: '新年，放假1天（1月1日）', date: { kind: 'solar', month: 1, days: [1] }, source: `${SOURCE}第一项` },
  {
    name: '春节',
    text: '春节，放假4天（农历除夕、正月初一至初三）',
    date: { kind: 'lunar-new-year', eve: true, days: [1, 2, 3] },
    source: `${SOURCE}第二项`,
  },
  { name: '清明', text: '清明节，放假1天（农历清明当日）', date: { kind: 'solar-term', term: 'pure_brightness' }, source: `${SOURCE}第三项` },
  { name: '劳动节', text: '劳动节，放假2天（5月1日、2日）', date: { kind: 'solar', month: 5, days: [1, 2] }, source: `${SOURCE}第四项` },
  { name: '端午', text: '端午节，放假1天（农历端午当日）', date: { kind: 'lunar', month: 5, day: 5 }, source: `${SOURCE}第五项` },
  { name: '中秋', text: '中秋节，放假1天（农历中秋当日）', date: { kind: 'lunar', month: 8, day: 15 }, source: `${SOURCE}第六项` },
  { name: '国庆节', text: '国庆节，放假3天（10月1日至3日）', date: { kind: 'solar', month: 10, days: [1, 2, 3] }, source: `${SOURCE}第七项` },
];

/** The first year the 2024 revision's art. 2 governs (it took effect on 1 January 2025). */
export const STATUTORY_FROM_YEAR = 2025;
/**
 * The last year whose lunar and solar-term dates chinese-days computes (its lunar table
 * ends with lunar year 2100; its solar-term formula holds for the 20th and 21st
 * centuries). Later years get the solar-calendar holidays (元旦, 劳动节, 国庆节) only.
 */
export const STATUTORY_LUNAR_TO_YEAR = 2099;

/** One statutory holiday day. */
export interface StatutoryDay {
  readonly date: string;
  readonly name: string;
  readonly source: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** The ISO date `n` days after y-m-d (UTC arithmetic, no time zone). */
function shift(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * The solar date of a day of a (non-leap) lunar month, by chinese-days'
 * getSolarDateFromLunar. That function reads its argument's year, month and day in the
 * process's local time and counts forward in local time, so it is given a local
 * midnight and answers the same in every time zone. The answer is checked back with
 * getLunarDate (given a UTC instant, which it compares against its Beijing-time base
 * date: time-zone free).
 */
export function lunarToSolar(lunarYear: number, month: number, day: number): string {
  const date = chineseDays.getSolarDateFromLunar(new Date(lunarYear, month - 1, day)).date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const back = chineseDays.getLunarDate(new Date(Date.UTC(y, m - 1, d)));
  if (back.lunarYear !== lunarYear || back.lunarMon !== month || back.lunarDay !== day || back.isLeap) {
    throw errors.validation('date', `农历${lunarYear}年${month}月${day}日换算公历失败（${date}）`);
  }
  return date;
}

/**
 * The Qingming solar-term day (清明) of a year, by chinese-days' getSolarTermDate. That
 * function builds the date at UTC midnight and formats it in local time, so west of UTC
 * it answers the day before: the answer is read back the same way to undo that.
 */
export function qingming(year: number): string {
  const s = chineseDays.getSolarTermDate(year, 4, 'pure_brightness');
  const day = Number(s.slice(8, 10));
  // East of UTC (or at UTC) the local day of UTC midnight is that day; west of it, the day before.
  const local = new Date(Date.UTC(year, 3, day)).getDate();
  return local === day ? iso(year, 4, day) : shift(iso(year, 4, day), 1);
}

const cache = new Map<number, ReadonlyArray<StatutoryDay>>();

/**
 * The statutory holidays of a Gregorian year under 全国年节及纪念日放假办法 art. 2 (2024),
 * date order; two holidays on one day (中秋 on 1–3 October) share it, names joined.
 * Empty before 2025 (earlier revisions had other days); after 2099 only 元旦, 劳动节 and
 * 国庆节 (see {@link STATUTORY_LUNAR_TO_YEAR}).
 *
 * @example statutoryHolidays(2027) // 元旦 01-01; 春节 02-05 (除夕)…02-08; 清明 04-05; 劳动节 05-01, 05-02; 端午 06-09; 中秋 09-15; 国庆节 10-01…10-03
 */
export function statutoryHolidays(year: number): ReadonlyArray<StatutoryDay> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Map<string, { names: string[]; sources: string[] }>();
  const add = (date: string, rule: StatutoryHolidayRule) => {
    if (Number(date.slice(0, 4)) !== year) return;
    const d = days.get(date) ?? { names: [], sources: [] };
    d.names.push(rule.name);
    d.sources.push(rule.source);
    days.set(date, d);
  };
  if (Number.isInteger(year) && year >= STATUTORY_FROM_YEAR) {
    const lunar = year <= STATUTORY_LUNAR_TO_YEAR;
    for (const rule of STATUTORY_HOLIDAYS) {
      const r = rule.date;
      if (r.kind === 'solar') for (const d of r.days) add(iso(year, r.month, d), rule);
      else if (!lunar) continue;
      else if (r.kind === 'lunar') add(lunarToSolar(year, r.month, r.day), rule);
      else if (r.kind === 'solar-term') add(qingming(year), rule);
      else {
        // 正月初一 of the lunar year that begins in this Gregorian year; 除夕 is the day before it
        // (the last day of the 12th lunar month, its 29th or 30th).
        const first = lunarToSolar(year, 1, 1);
        if (r.eve) add(shift(first, -1), rule);
        for (const d of r.days) add(shift(first, d - 1), rule);
      }
    }
  }
  const out = [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => Object.freeze({ date, name: d.names.join('、'), source: [...new Set(d.sources)].join('；') }));
  cache.set(year, Object.freeze(out));
  return cache.get(year)!;
}

/**
 * A synthetic 12345 hotline ledger (12345工单台账, LEDGERS.md `hotline-orders`) for the benchmark:
 * deterministic for a seed (mulberry32 from src/core/demo.ts), written with the kernel's own
 * CSV writer (UTF-8 with BOM, CRLF), so the file is exactly what an export would give back.
 *
 * Besides the rows, the generator returns the figures the metrics must reproduce, computed
 * here from the generated values (not from the database), so every run checks the metrics.
 */
import { seededRandom } from '../src/core/demo.js';
import { createCalendar, addDays, type WorkCalendar } from '../src/core/calendar/calendar.js';
import { percent } from '../src/core/metrics/registry.js';
import { writeCsv } from '../src/core/ledger/write.js';
import { DEMO_DEPARTMENTS, TIANHE_STREETS } from '../src/modules/system/demo.js';
import { hotlineSpec, type HotlineRow } from './hotlineBenchModule.js';

/** The tenant (bureau) the bench creates; it can also be the 承办单位 of an order. */
export const BENCH_BUREAU = '广州市天河区水务局';
/** The 29 orgs the bench creates under the bureau (8 departments, 21 streets): 30 承办单位 with the bureau. */
export const BENCH_DEPARTMENTS: readonly string[] = DEMO_DEPARTMENTS;
export const BENCH_STREETS: readonly string[] = TIANHE_STREETS.map((s) => `${s}街道`);

export interface GeneratedLedger {
  rows: HotlineRow[];
  /** The CSV file (UTF-8 with BOM). */
  csv: Buffer;
  /** What the year's metrics must come out as. */
  expected: { closed: number; onTime: number; replied: number; onTimeRate: number | null; replyRate: number | null };
}

type Pick = <T>(items: readonly T[], weights?: readonly number[]) => T;

function picker(random: () => number): Pick {
  return <T>(items: readonly T[], weights?: readonly number[]): T => {
    if (!weights) return items[Math.floor(random() * items.length)]!;
    const total = weights.reduce((a, b) => a + b, 0);
    let x = random() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i]!;
      if (x < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  };
}

const TYPES = ['投诉', '举报', '求助', '咨询', '建议', '其他'] as const;
const TYPE_WEIGHTS = [35, 10, 20, 20, 10, 5];
const LIMITS = [1, 3, 5, 10, 15];
const LIMIT_WEIGHTS = [5, 15, 40, 30, 10];
const SATISFACTION = ['满意', '基本满意', '不满意', '未评价', null] as const;
const SATISFACTION_WEIGHTS = [62, 18, 7, 10, 3];

const ROADS = ['天河路', '中山大道', '黄埔大道', '天河北路', '体育西路', '岑村路', '龙洞北路', '广园快速路', '华观路', '车陂路', '员村二横路', '珠吉路'];
const PROBLEMS = [
  '下水道堵塞，污水外溢',
  '路面积水严重，行人无法通行',
  '雨水井盖缺失，存在安全隐患',
  '河涌发黑发臭，蚊虫很多',
  '施工排水直排河涌',
  '小区化粪池满溢',
  '暴雨后地下车库进水',
  '排水管道破损导致路面塌陷',
  '河道内有大量垃圾漂浮',
  '商户将餐饮废水倒入雨水口',
  '供水管网爆管，停水未提前通知',
  '排水户未办理排水许可',
];
const ASKS = ['请尽快派人处理。', '请相关部门核查。', '希望尽快整改并回复。', '已反映多次，请督办。', '请告知办理进度。', ''];

const two = (n: number) => String(n).padStart(2, '0');
const at = (date: string, minutes: number) => `${date}T${two(Math.floor(minutes / 60))}:${two(minutes % 60)}:00+08:00`;
const minutesOf = (dt: string) => Number(dt.slice(11, 13)) * 60 + Number(dt.slice(14, 16));

/**
 * Generates `n` orders received from mid-December of the previous year to the end of `year`
 * (so some orders received last year are closed this year, and some received this December
 * are closed next year): ~97 % closed, ~96 % of those on time, replies recorded for ~98 %.
 */
export function generateLedger(opts: { rows: number; seed: number; year: number; calendar?: WorkCalendar }): GeneratedLedger {
  const random = seededRandom(opts.seed);
  const pick = picker(random);
  const cal = opts.calendar ?? createCalendar();
  const first = addDays(`${opts.year}-01-01`, -15);
  const span = 365 + 15;
  const orgs = [BENCH_BUREAU, ...BENCH_DEPARTMENTS, ...BENCH_STREETS];
  // Streets take most orders (they own the drains and the rivers on their ground).
  const orgWeights = orgs.map((name) => (name === BENCH_BUREAU ? 2 * 21 : BENCH_STREETS.includes(name) ? 80 : 18 * (21 / BENCH_DEPARTMENTS.length)));
  const rows: HotlineRow[] = [];
  let closed = 0;
  let onTime = 0;
  let replied = 0;
  const y = String(opts.year);

  for (let i = 0; i < opts.rows; i++) {
    const day = addDays(first, Math.floor(random() * span));
    const receivedMin = 8 * 60 + Math.floor(random() * 14 * 60); // 08:00–21:59
    const receivedAt = at(day, receivedMin);
    const type = pick(TYPES, TYPE_WEIGHTS);
    const org = pick(orgs, orgWeights);
    const limit = pick(LIMITS, LIMIT_WEIGHTS);
    const street = pick(BENCH_STREETS);
    let content: string | null = `${street}${pick(ROADS)}附近${pick(PROBLEMS)}，${pick(ASKS)}`;
    const r = random();
    if (r < 0.02) content = null;
    else if (r < 0.03) content = `市民来电称："${content}"，联系电话已登记, 要求回电`; // ASCII quotes and comma: CSV quoting

    let closedAt: string | null = null;
    let repliedAt: string | null = null;
    let satisfaction: HotlineRow['satisfaction'] = null;
    if (random() < 0.97) {
      const due = cal.addWorkdays(day, limit);
      let closedDay: string;
      if (random() < 0.96) {
        const k = Math.floor(random() * (limit + 1));
        closedDay = cal.addWorkdays(day, k);
        // Now and then closed on a rest day before the deadline (overtime work).
        if (random() < 0.03 && closedDay > day) closedDay = addDays(closedDay, -1);
      } else {
        // Late: 1–7 calendar days after the deadline, rest days included (a Saturday after a Friday deadline is late).
        closedDay = addDays(due, 1 + Math.floor(random() * 7));
      }
      const closedMin = closedDay === day ? Math.min(23 * 60 + 59, receivedMin + 30 + Math.floor(random() * 240)) : 8 * 60 + 30 + Math.floor(random() * 570);
      closedAt = at(closedDay, closedMin);
      if (random() < 0.98) {
        // The reply to the citizen: between 受理 and 办结.
        const drawn = closedDay === day ? day : random() < 0.5 ? closedDay : cal.addWorkdays(day, Math.floor(random() * limit));
        const replyDay = drawn < closedDay ? drawn : closedDay;
        const lo = replyDay === day ? receivedMin : 8 * 60;
        const hi = replyDay === closedDay ? minutesOf(closedAt) : 21 * 60;
        repliedAt = at(replyDay, Math.min(hi, lo + Math.floor(random() * Math.max(1, hi - lo))));
        if (repliedAt < receivedAt) repliedAt = receivedAt;
        if (repliedAt > closedAt) repliedAt = closedAt;
      }
      satisfaction = pick(SATISFACTION, SATISFACTION_WEIGHTS);
      if (closedDay.startsWith(y)) {
        closed++;
        if (closedDay <= due) onTime++;
        if (repliedAt) replied++;
      }
    } else if (random() < 0.3) {
      repliedAt = at(day, Math.min(23 * 60 + 59, receivedMin + 60));
    }

    rows.push({
      orderNo: `GD${day.replace(/-/g, '')}${String(i + 1).padStart(7, '0')}`,
      receivedAt,
      type,
      content,
      org,
      timeLimit: limit,
      closedAt,
      repliedAt,
      satisfaction,
    });
  }
  const csv = writeCsv(hotlineSpec, rows);
  return {
    rows,
    csv,
    expected: { closed, onTime, replied, onTimeRate: percent(onTime, closed), replyRate: percent(replied, closed) },
  };
}

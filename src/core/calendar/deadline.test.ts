import { describe, expect, it } from 'vitest';
import {
  computeDeadline,
  createCalendar,
  deadlineStatus,
  finishedOnTime,
  type DeadlineInput,
  type DeadlineRule,
  type DeadlineStatus,
  type IsoDate,
} from './index.js';

// Holiday arrangements used below (State Council notices; see calendar.test.ts):
// 2024 国庆 10-01..10-07 (make-up Sun 09-29, Sat 10-12); 2025 元旦 01-01;
// 2025 春节 01-28..02-04 (make-up Sun 01-26, Sat 02-08); 2025 清明 04-04..04-06;
// 2025 劳动节 05-01..05-05 (make-up Sun 04-27); 2025 端午 05-31..06-02;
// 2025 国庆+中秋 10-01..10-08 (make-up Sun 09-28, Sat 10-11).

const cal = createCalendar();

/** Sample rules, shaped like a module's rule table. */
const R = {
  /** 行政处罚法 art. 85: short periods in working days (here 10 for illustration). */
  tenWorkdays: { key: 'demo.ten_workdays', label: '作出处罚决定', unit: 'workday', n: 10, source: '行政处罚法第八十五条' },
  /** 国办发〔2018〕118号: penalty decisions published within 7 working days. */
  publicity: { key: 'penalty.publicity', label: '行政处罚决定公示', unit: 'workday', n: 7, source: '国办发〔2018〕118号' },
  /** 行政处罚法 art. 60: decision within 90 days of 立案. */
  decision: { key: 'penalty.decision', label: '作出行政处罚决定', unit: 'day', n: 90, source: '行政处罚法第六十条' },
  /** 行政处罚法 art. 67: pay within 15 days of service. */
  payment: { key: 'penalty.payment', label: '缴纳罚款', unit: 'day', n: 15, source: '行政处罚法第六十七条' },
  /** 行政许可法 arts. 42, 82: 20 working days, +10 with approval. */
  licence: { key: 'licence.decision', label: '作出行政许可决定', unit: 'workday', n: 20, source: '行政许可法第四十二条' },
  /** 信访工作条例 art. 34: 60 days, +30 with approval. */
  petition: { key: 'petition.handling', label: '信访事项办理', unit: 'day', n: 60, source: '信访工作条例第三十四条' },
  /** 行政诉讼法 art. 46: six months to sue. */
  lawsuit: { key: 'demo.lawsuit', label: '提起行政诉讼', unit: 'month', n: 6, source: '行政诉讼法第四十六条' },
} satisfies Record<string, DeadlineRule>;

interface Row {
  name: string;
  input: DeadlineInput;
  due: IsoDate;
  rolledFrom?: IsoDate;
  pausedDays?: number;
  effectiveStart?: IsoDate;
  warnings?: string[];
}

const rows: Row[] = [
  // Working-day rules
  {
    name: '10 working days across Spring Festival 2025 and the make-up Sunday 26 Jan end on make-up Sat 8 Feb',
    input: { rule: R.tenWorkdays, start: '2025-01-20' },
    due: '2025-02-08',
  },
  { name: '7 working days for publicity span National Day 2024 and both make-up days', input: { rule: R.publicity, start: '2024-09-27' }, due: '2024-10-12' },
  { name: 'start day not counted: 7 working days from Mon 3 Mar 2025 end on Wed 12 Mar', input: { rule: R.publicity, start: '2025-03-03' }, due: '2025-03-12' },
  { name: 'year end: 7 working days from Mon 23 Dec 2024 skip New Year’s Day', input: { rule: R.publicity, start: '2024-12-23' }, due: '2025-01-02' },
  // Calendar-day rules (rolled by default)
  {
    name: '15-day payment period ending on New Year’s Day 2025 rolls to Thu 2 Jan',
    input: { rule: R.payment, start: '2024-12-17' },
    due: '2025-01-02',
    rolledFrom: '2025-01-01',
  },
  {
    name: '15-day payment period ending in the Spring Festival rolls to Wed 5 Feb',
    input: { rule: R.payment, start: '2025-01-14' },
    due: '2025-02-05',
    rolledFrom: '2025-01-29',
  },
  { name: '15 days ending on make-up Sat 8 Feb 2025 do not roll', input: { rule: R.payment, start: '2025-01-24' }, due: '2025-02-08' },
  {
    name: '90-day decision period from 4 Nov 2024 ends Sun 2 Feb (Spring Festival), rolled to 5 Feb',
    input: { rule: R.decision, start: '2024-11-04' },
    due: '2025-02-05',
    rolledFrom: '2025-02-02',
  },
  {
    name: 'a rule with rollToWorkday: false keeps its holiday end',
    input: { rule: { ...R.payment, rollToWorkday: false }, start: '2024-12-17' },
    due: '2025-01-01',
  },
  // Month rules
  {
    name: '6 months from 1 Apr 2025 end on National Day, rolled to Thu 9 Oct',
    input: { rule: R.lawsuit, start: '2025-04-01' },
    due: '2025-10-09',
    rolledFrom: '2025-10-01',
  },
  { name: '6 months from 31 Aug 2024 clamp to Fri 28 Feb 2025', input: { rule: R.lawsuit, start: '2024-08-31' }, due: '2025-02-28' },
  // Pauses (中止/扣除期间)
  {
    name: '10 working days with 3 working days of expert review (Wed–Fri) paused',
    input: { rule: R.tenWorkdays, start: '2025-03-03', pauses: [{ from: '2025-03-05', to: '2025-03-07', reason: '专家评审' }] },
    due: '2025-03-20',
    pausedDays: 3,
  },
  {
    name: 'a pause over a weekend (Fri–Mon) removes only its 2 working days',
    input: { rule: R.tenWorkdays, start: '2025-03-03', pauses: [{ from: '2025-03-07', to: '2025-03-10', reason: '听证' }] },
    due: '2025-03-19',
    pausedDays: 2,
  },
  {
    name: 'a pause straddling the start counts only its days after the start',
    input: { rule: R.tenWorkdays, start: '2025-03-03', pauses: [{ from: '2025-03-01', to: '2025-03-05', reason: '征求第三方意见' }] },
    due: '2025-03-19',
    pausedDays: 2,
  },
  {
    name: 'a pause after the due date changes nothing',
    input: { rule: R.tenWorkdays, start: '2025-03-03', pauses: [{ from: '2025-04-01', to: '2025-04-03', reason: '检测鉴定' }] },
    due: '2025-03-17',
    pausedDays: 0,
  },
  {
    name: '15 calendar days with 5 paused days end Sun 23 Mar, rolled to Mon 24 Mar',
    input: { rule: R.payment, start: '2025-03-03', pauses: [{ from: '2025-03-10', to: '2025-03-14', reason: '检测鉴定' }] },
    due: '2025-03-24',
    rolledFrom: '2025-03-23',
    pausedDays: 5,
  },
  {
    name: 'a 1-month period with 5 paused days runs 5 more calendar days, over Qingming',
    input: { rule: { ...R.lawsuit, n: 1 }, start: '2025-03-03', pauses: [{ from: '2025-03-10', to: '2025-03-14', reason: '检测鉴定' }] },
    due: '2025-04-08',
    pausedDays: 5,
  },
  {
    name: 'overlapping pauses count each day once',
    input: {
      rule: R.tenWorkdays,
      start: '2025-03-03',
      pauses: [
        { from: '2025-03-05', to: '2025-03-06', reason: '听证' },
        { from: '2025-03-06', to: '2025-03-07', reason: '听证' },
      ],
    },
    due: '2025-03-20',
    pausedDays: 3,
  },
  // Restart (重新起算)
  {
    name: '20 working days restarted on 10 Mar 2025 (补正材料 received) cross Qingming',
    input: { rule: R.licence, start: '2025-03-03', restartOn: '2025-03-10' },
    due: '2025-04-08',
    effectiveStart: '2025-03-10',
  },
  {
    name: 'a pause before the restart does not count',
    input: { rule: R.tenWorkdays, start: '2025-03-03', restartOn: '2025-03-10', pauses: [{ from: '2025-03-04', to: '2025-03-05', reason: '听证' }] },
    due: '2025-03-24',
    pausedDays: 0,
    effectiveStart: '2025-03-10',
  },
  // Extensions (延长)
  {
    name: 'licensing: 20 + 10 working days across National Day 2024',
    input: { rule: R.licence, start: '2024-09-20', extensions: [{ n: 10, reason: '情况复杂', approvedOn: '2024-10-21' }] },
    due: '2024-11-06',
  },
  {
    name: 'petition: 60 + 30 days from 3 Mar 2025 end Sun 1 Jun (端午), rolled to Tue 3 Jun',
    input: { rule: R.petition, start: '2025-03-03', extensions: [{ n: 30, reason: '情况复杂', approvedOn: '2025-04-28' }] },
    due: '2025-06-03',
    rolledFrom: '2025-06-01',
  },
  {
    name: 'decision: 90 + 30 days count the extension from the unrolled end (Sun 2 Feb 2025)',
    input: { rule: R.decision, start: '2024-11-04', extensions: [{ n: 30, reason: '案情复杂', approvedOn: '2025-02-05' }] },
    due: '2025-03-04',
    warnings: [],
  },
  {
    name: 'an extension approved after the deadline it extends is flagged',
    input: { rule: R.decision, start: '2024-11-04', extensions: [{ n: 30, reason: '案情复杂', approvedOn: '2025-02-06' }] },
    due: '2025-03-04',
    warnings: ['延长期限的批准日 2025-02-06 晚于原期限届满日 2025-02-05，请核实是否在期限内批准'],
  },
  {
    name: 'an extension in another unit: 10 working days + 15 days',
    input: { rule: R.tenWorkdays, start: '2025-03-03', extensions: [{ n: 15, unit: 'day', reason: '补充调查' }] },
    due: '2025-04-01',
  },
  // Unannounced years
  {
    name: '7 working days in 2031 skip 国庆 1–3 Oct by statute, with a warning',
    input: { rule: R.publicity, start: '2031-09-25' },
    due: '2031-10-09',
    warnings: [
      '2031年的节假日调休安排尚未录入，期限已计入该年法定节假日（全国年节及纪念日放假办法第二条），调休和补假按周一至周五推算，请管理员按国务院办公厅通知补录调休安排',
    ],
  },
  {
    name: 'a period running from 2026 into 2027 warns about 2027 only',
    input: { rule: R.payment, start: '2026-12-20' },
    due: '2027-01-04',
    warnings: [
      '2027年的节假日调休安排尚未录入，期限已计入该年法定节假日（全国年节及纪念日放假办法第二条），调休和补假按周一至周五推算，请管理员按国务院办公厅通知补录调休安排',
    ],
  },
  { name: 'n = 0 ends on the start day', input: { rule: { ...R.publicity, n: 0 }, start: '2025-03-03' }, due: '2025-03-03' },
];

describe('computeDeadline', () => {
  it.each(rows)('$name', (row) => {
    const x = computeDeadline(row.input, cal);
    expect(x.due).toBe(row.due);
    expect(x.rolledFrom).toBe(row.rolledFrom);
    if (row.pausedDays !== undefined) expect(x.pausedDays).toBe(row.pausedDays);
    expect(x.effectiveStart).toBe(row.effectiveStart ?? row.input.start);
    expect(x.warnings).toEqual(row.warnings ?? []);
    expect(x.source).toBe(row.input.rule.source);
    expect(x.text.endsWith(`${row.due}届满。`)).toBe(true);
  });

  it('explains 10 working days across the Spring Festival in full', () => {
    const x = computeDeadline({ rule: R.tenWorkdays, start: '2025-01-20' }, cal);
    expect(x.countedDays).toEqual([
      '2025-01-21',
      '2025-01-22',
      '2025-01-23',
      '2025-01-24',
      '2025-01-26',
      '2025-01-27',
      '2025-02-05',
      '2025-02-06',
      '2025-02-07',
      '2025-02-08',
    ]);
    expect(x.holidaysMet.map((h) => h.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(x.makeupDaysMet).toEqual([
      { date: '2025-01-26', name: '春节' },
      { date: '2025-02-08', name: '春节' },
    ]);
    expect(x.text).toBe(
      '作出处罚决定期限自2025-01-20起算（当日不计），按工作日计10日（依据：行政处罚法第八十五条），' +
        '跨越春节假期（2025-01-28至2025-02-04），计入调休上班日2025-01-26、2025-02-08，于2025-02-08届满。',
    );
  });

  it('does not double 期限 when the rule is already named by it', () => {
    const x = computeDeadline({ rule: { key: 'reply', label: '书面答复期限', unit: 'workday', n: 10, source: '测试' }, start: '2025-03-03' }, cal);
    expect(x.text.startsWith('书面答复期限自2025-03-03起算（当日不计）')).toBe(true);
    expect(x.text).not.toContain('期限期限');
  });

  it('explains a rolled calendar-day period with an extension', () => {
    const x = computeDeadline({ rule: R.petition, start: '2025-03-03', extensions: [{ n: 30, reason: '情况复杂' }] }, cal);
    expect(x.extensionDays).toBe(30);
    expect(x.countedDays).toEqual(['2025-03-04', '2025-06-01']);
    expect(x.text).toBe(
      '信访事项办理期限自2025-03-03起算（当日不计），按自然日计60日（依据：信访工作条例第三十四条），经批准延长30日（情况复杂），' +
        '跨越清明假期（2025-04-04至2025-04-06）、劳动节假期（2025-05-01至2025-05-05）、端午假期（2025-05-31至2025-06-02），' +
        '原届满日2025-06-01适逢端午假期，顺延至2025-06-03届满。',
    );
  });

  it('explains pauses, restarts and unannounced years', () => {
    const paused = computeDeadline({ rule: R.tenWorkdays, start: '2025-03-03', pauses: [{ from: '2025-03-05', to: '2025-03-07', reason: '专家评审' }] }, cal);
    expect(paused.text).toContain('扣除专家评审期间3个工作日');
    expect(paused.countedDays).not.toContain('2025-03-05');
    const restarted = computeDeadline({ rule: R.licence, start: '2025-03-03', restartOn: '2025-03-10' }, cal);
    expect(restarted.text).toContain('原自2025-03-03起算，自2025-03-10重新起算（当日不计）');
    expect(restarted.holidaysMet).toEqual([
      { date: '2025-04-04', name: '清明' },
      { date: '2025-04-05', name: '清明' },
      { date: '2025-04-06', name: '清明' },
    ]);
    const future = computeDeadline({ rule: R.publicity, start: '2031-09-25' }, cal);
    expect(future.text).toContain('2031年按法定节假日和周一至周五推算（调休安排尚未录入）');
    expect(future.text).toContain('跨越中秋、国庆节假期（2031-10-01至2031-10-03）');
  });

  it('an override table entry for 2027 silences the warning; 元旦 holds by statute either way', () => {
    const withNewYear = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    const input: DeadlineInput = { rule: R.publicity, start: '2026-12-28' };
    // 12-29, 12-30, 12-31, (1-1 元旦), 1-4, 1-5, 1-6, 1-7.
    const bare = computeDeadline(input, cal);
    expect(bare.due).toBe('2027-01-07');
    expect(bare.holidaysMet).toEqual([{ date: '2027-01-01', name: '元旦' }]);
    expect(bare.warnings).toHaveLength(1);
    const x = computeDeadline(input, withNewYear);
    expect(x.due).toBe('2027-01-07');
    expect(x.warnings).toEqual([]);
    expect(x.holidaysMet).toEqual([{ date: '2027-01-01', name: '元旦' }]);
  });

  it('rejects impossible input with coded errors', () => {
    expect(() => computeDeadline({ rule: R.publicity, start: '2025-03-03', restartOn: '2025-03-01' }, cal)).toThrow(/早于起算日/);
    expect(() => computeDeadline({ rule: R.publicity, start: '2025-03-03', pauses: [{ from: '2025-03-05', to: '2025-03-04', reason: 'x' }] }, cal)).toThrow(
      /早于开始日/,
    );
    expect(() => computeDeadline({ rule: { ...R.publicity, n: -1 }, start: '2025-03-03' }, cal)).toThrow(/非负整数/);
    expect(() => computeDeadline({ rule: R.publicity, start: '2025-3-3' }, cal)).toThrow(/日期格式无效/);
  });
});

describe('deadlineStatus', () => {
  const due = '2025-02-08'; // make-up Saturday
  const rows: Array<{ name: string; today: IsoDate; doneOn?: IsoDate | null; soonWorkdays?: number; status: DeadlineStatus }> = [
    { name: 'due today is due_soon, not overdue', today: '2025-02-08', status: 'due_soon' },
    { name: 'one day past is overdue', today: '2025-02-09', status: 'overdue' },
    { name: '3 working days ahead is due_soon (default 3)', today: '2025-02-05', status: 'due_soon' },
    { name: '4 working days ahead, across the holiday, is ok', today: '2025-01-27', status: 'ok' },
    { name: 'soonWorkdays 0: the day before is ok', today: '2025-02-07', soonWorkdays: 0, status: 'ok' },
    { name: 'soonWorkdays 0: due today is still due_soon', today: '2025-02-08', soonWorkdays: 0, status: 'due_soon' },
    { name: 'finished, even late, is done', today: '2025-03-01', doneOn: '2025-02-10', status: 'done' },
    { name: 'doneOn null is not finished', today: '2025-03-01', doneOn: null, status: 'overdue' },
  ];
  it.each(rows)('$name', ({ today, doneOn, soonWorkdays, status }) => {
    expect(deadlineStatus({ due, today, doneOn, soonWorkdays }, cal)).toBe(status);
  });

  it.each([
    { name: 'finished on the due date is on time', doneOn: '2025-02-08', onTime: true },
    { name: 'finished the day after is late', doneOn: '2025-02-09', onTime: false },
    { name: 'finished early is on time', doneOn: '2025-01-21', onTime: true },
  ])('finishedOnTime: $name', ({ doneOn, onTime }) => {
    expect(finishedOnTime({ due, doneOn })).toBe(onTime);
  });
});

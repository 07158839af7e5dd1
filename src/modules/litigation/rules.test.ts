import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import {
  appealDeadline,
  appealRule,
  CORRECTING_OUTCOMES,
  dateOrderBreaches,
  hearingBreaches,
  IF_CHANGED_OUTCOMES,
  LITIGATION_OUTCOMES,
  outcomeClass,
  RECONSIDERATION_OUTCOMES,
  replyBreaches,
  replyDeadline,
} from './rules.js';
import type { CaseKind } from './schema.js';

const cal = createCalendar({});

describe('reply and defence clocks', () => {
  it.each<[string, CaseKind, string, string]>([
    ['复议: 10 working days, an ordinary fortnight', '复议', '2022-03-01', '2022-03-15'],
    ['复议: across the Dragon Boat holiday (3–5 June)', '复议', '2022-06-01', '2022-06-16'],
    ['复议: across National Day, counting the make-up Saturday and Sunday 8–9 October', '复议', '2022-09-28', '2022-10-17'],
    ['复议: across the Spring Festival with the make-up weekend of 29–30 January', '复议', '2022-01-26', '2022-02-14'],
    ['诉讼: 15 calendar days ending on a working day', '诉讼', '2022-06-01', '2022-06-16'],
    ['诉讼: 15 calendar days ending on 1 October roll to the first working day after National Day', '诉讼', '2022-09-16', '2022-10-08'],
    ['诉讼: ending on 30 April (Labour Day holiday) rolls to 5 May', '诉讼', '2022-04-15', '2022-05-05'],
    ['诉讼: ending on a Sunday rolls to Monday', '诉讼', '2022-03-05', '2022-03-21'],
  ])('%s', (_name, kind, receivedOn, due) => {
    expect(replyDeadline(kind, receivedOn, cal).due).toBe(due);
  });

  it.each<[string, CaseKind, string, boolean]>([
    ['复议 reply on the last day is on time', '复议', '2022-10-17', false],
    ['复议 reply the day after is late', '复议', '2022-10-18', true],
    ['诉讼 defence on the rolled last day is on time', '诉讼', '2022-10-08', false],
    ['诉讼 defence the day after is late', '诉讼', '2022-10-09', true],
  ])('%s', (_name, kind, filedOn, late) => {
    const due = kind === '复议' ? '2022-10-17' : '2022-10-08';
    const b = replyBreaches({ kind, replyFiledOn: filedOn, replyDueOn: due });
    expect(b.length > 0).toBe(late);
    if (late) expect(b[0]!.statute).toContain(kind === '复议' ? '行政复议法第四十八条' : '行政诉讼法第六十七条');
  });
  it('reports no breach before the reply is filed', () => {
    expect(replyBreaches({ kind: '复议', replyFiledOn: null, replyDueOn: '2022-01-01' })).toEqual([]);
  });
});

describe('appeal windows (行政诉讼法第八十五条)', () => {
  it.each<[string, { kind: CaseKind; instance: '一审' | '二审' | null; outcome: string }, number | null]>([
    ['a first-instance judgment: 15 days', { kind: '诉讼', instance: '一审', outcome: '撤销' }, 15],
    ['a first-instance judgment dismissing the claim: 15 days', { kind: '诉讼', instance: '一审', outcome: '驳回诉讼请求' }, 15],
    ['a ruling dismissing the suit: 10 days', { kind: '诉讼', instance: '一审', outcome: '驳回起诉' }, 10],
    ['a ruling allowing withdrawal is not appealable', { kind: '诉讼', instance: '一审', outcome: '撤诉' }, null],
    ['a mediation statement is not appealable', { kind: '诉讼', instance: '一审', outcome: '调解' }, null],
    ['a second-instance judgment is final (两审终审)', { kind: '诉讼', instance: '二审', outcome: '撤销' }, null],
    ['a reconsideration decision is not appealed', { kind: '复议', instance: null, outcome: '撤销' }, null],
  ])('%s', (_name, c, n) => {
    expect(appealRule(c)?.n ?? null).toBe(n);
  });
  it.each<[string, string, string, string]>([
    ['judgment served 20 June: last day 5 July', '撤销', '2022-06-20', '2022-07-05'],
    ['ruling served 20 June: last day 30 June', '驳回起诉', '2022-06-20', '2022-06-30'],
    ['judgment served 20 September: day 15 is 5 October, rolled to 8 October', '撤销', '2022-09-20', '2022-10-08'],
  ])('%s', (_name, outcome, servedOn, due) => {
    expect(appealDeadline({ kind: '诉讼', instance: '一审', outcome, servedOn }, cal)?.due).toBe(due);
  });
  it('opens no window before service', () => {
    expect(appealDeadline({ kind: '诉讼', instance: '一审', outcome: '撤销', servedOn: null }, cal)).toBeNull();
  });
});

describe('纠错 and 败诉 (outcomeClass)', () => {
  it.each<[CaseKind, string, boolean, boolean, boolean]>([
    // kind, outcome, act changed, corrected, lost
    ['复议', '维持', false, false, false],
    ['复议', '驳回', false, false, false],
    ['复议', '撤销', false, true, false],
    ['复议', '变更', false, true, false],
    ['复议', '确认违法', false, true, false],
    ['复议', '确认无效', false, true, false],
    ['复议', '责令履行', false, true, false],
    ['复议', '调解', false, false, false],
    ['复议', '调解', true, true, false],
    ['复议', '终止', false, false, false],
    ['复议', '终止', true, true, false],
    ['诉讼', '驳回诉讼请求', false, false, false],
    ['诉讼', '驳回起诉', false, false, false],
    ['诉讼', '撤销', false, true, true],
    ['诉讼', '变更', false, true, true],
    ['诉讼', '确认违法', false, true, true],
    ['诉讼', '确认无效', false, true, true],
    ['诉讼', '责令履行', false, true, true],
    ['诉讼', '撤诉', false, false, false],
    ['诉讼', '撤诉', true, true, false],
    ['诉讼', '调解', false, false, false],
    ['诉讼', '调解', true, true, false],
  ])('%s %s (act changed: %s) → corrected %s, lost %s', (kind, outcome, changed, corrected, lost) => {
    expect(outcomeClass(kind, outcome, changed)).toMatchObject({ corrected, lost });
  });
  it('covers every category of both kinds in the table above', () => {
    expect(Object.keys(RECONSIDERATION_OUTCOMES)).toHaveLength(9);
    expect(Object.keys(LITIGATION_OUTCOMES)).toHaveLength(9);
  });
  it('refuses a category of the other kind', () => {
    expect(() => outcomeClass('复议', '撤诉', false)).toThrow();
    expect(() => outcomeClass('诉讼', '维持', false)).toThrow();
  });
  it('keeps the SQL lists in step with the table', () => {
    for (const o of CORRECTING_OUTCOMES) expect(outcomeClass('诉讼', o, false)).toMatchObject({ corrected: true, lost: true });
    for (const o of IF_CHANGED_OUTCOMES) {
      const kind: CaseKind = o === '撤诉' ? '诉讼' : '复议';
      expect(outcomeClass(kind, o, true).corrected).toBe(true);
      expect(outcomeClass(kind, o, false).corrected).toBe(false);
    }
  });
});

describe('负责人出庭应诉 (hearingBreaches)', () => {
  it.each<[string, CaseKind, { headRole: '正职负责人' | '副职负责人' | null; headName: string | null; absenceReason: string | null }, string | null]>([
    ['the head appeared', '诉讼', { headRole: '正职负责人', headName: '李局长', absenceReason: null }, null],
    ['a deputy head appeared', '诉讼', { headRole: '副职负责人', headName: '何副局长', absenceReason: null }, null],
    ['nobody, with a reason', '诉讼', { headRole: null, headName: null, absenceReason: '公务冲突，委托法制科科长出庭' }, null],
    ['nobody, no reason', '诉讼', { headRole: null, headName: null, absenceReason: '  ' }, 'absenceReason'],
    ['a role without a name', '诉讼', { headRole: '副职负责人', headName: '', absenceReason: null }, 'headName'],
    ['a name without a role', '复议', { headRole: null, headName: '李局长', absenceReason: null }, 'headRole'],
    ['a reconsideration hearing without the head or a reason', '复议', { headRole: null, headName: null, absenceReason: null }, 'absenceReason'],
  ])('%s', (_name, kind, h, field) => {
    const b = hearingBreaches(kind, h);
    expect(b[0]?.field ?? null).toBe(field);
    if (field) expect(b[0]!.statute).toContain(kind === '复议' ? '行政复议法第五十一条' : '行政诉讼法第三条第三款');
  });
});

describe('date order', () => {
  it.each<[string, Parameters<typeof dateOrderBreaches>[0], string[]]>([
    ['all in order', { receivedOn: '2022-03-01', replyFiledOn: '2022-03-01', outcomeOn: '2022-05-01', servedOn: '2022-05-01', appealedOn: '2022-05-02' }, []],
    ['reply before receipt', { receivedOn: '2022-03-01', replyFiledOn: '2022-02-28' }, ['replyFiledOn']],
    ['outcome before receipt', { receivedOn: '2022-03-01', outcomeOn: '2022-02-28' }, ['outcomeOn']],
    ['service before the decision', { receivedOn: '2022-03-01', outcomeOn: '2022-05-02', servedOn: '2022-05-01' }, ['servedOn']],
    ['appeal before service', { receivedOn: '2022-03-01', outcomeOn: '2022-05-01', servedOn: '2022-05-03', appealedOn: '2022-05-02' }, ['appealedOn']],
  ])('%s', (_name, c, fields) => {
    expect(dateOrderBreaches(c).map((b) => b.field)).toEqual(fields);
  });
});

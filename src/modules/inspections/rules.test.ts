import { describe, expect, it } from 'vitest';
import { capWarning, certValidOn, DEFAULT_ENTITY_CAP, followUpProblems, inspectorProblems, needsOffPlanReason, RECORD_RULES, rectifyRule } from './rules.js';
import { linkProblem, RECORD_EVENT_COMMANDS } from './recordEvents.js';
import { recordStage, recordWorkflow } from './workflow.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { createCalendar } from '../../core/calendar/calendar.js';

const cert = { name: '陈伟明', certNo: '4401062200001', certIssuedOn: '2022-06-30', certValidUntil: '2027-06-29' };

describe('行政检查 rules (行政处罚法第四十二条; 国办发〔2024〕54号)', () => {
  it('every rule names its source', () => {
    for (const r of RECORD_RULES) expect(r.source.length, r.key).toBeGreaterThan(4);
  });

  it.each([
    ['the day of issue', '2022-06-30', true],
    ['the day before issue', '2022-06-29', false],
    ['the last valid day', '2027-06-29', true],
    ['the day after expiry', '2027-06-30', false],
  ])('a certificate on %s (%s): valid %s', (_l, on, ok) => {
    expect(certValidOn(cert, on)).toBe(ok);
  });
  it('a certificate without a number or an expiry is not valid', () => {
    expect(certValidOn({ ...cert, certNo: null }, '2023-01-01')).toBe(false);
    expect(certValidOn({ ...cert, certValidUntil: null }, '2023-01-01')).toBe(false);
  });

  it.each([
    ['two certified', [cert, { ...cert, name: '李志强' }], 0],
    ['one certified', [cert], 1],
    ['two, one expired', [cert, { ...cert, name: '李志强', certValidUntil: '2022-12-31' }], 2],
    ['three, one expired (two remain)', [cert, { ...cert, name: '黄嘉豪' }, { ...cert, name: '李志强', certValidUntil: '2022-12-31' }], 1],
  ])('inspectors on 2023-01-01: %s → %i problems', (_l, list, n) => {
    const p = inspectorProblems(list, '2023-01-01');
    expect(p).toHaveLength(n);
    if (n && list.length < 3) expect(p.at(-1)).toContain('行政处罚法第四十二条');
  });

  it.each([
    ['专项 in the plan', { kind: '专项', enterprise: true, inPlan: true }, false],
    ['专项 off the plan', { kind: '专项', enterprise: true, inPlan: false }, true],
    ['投诉举报 off the plan', { kind: '投诉举报', enterprise: true, inPlan: false }, true],
    ['双随机 (its own plan)', { kind: '双随机', enterprise: true, inPlan: false }, false],
    ['not 入企 (a site, no enterprise)', { kind: '专项', enterprise: false, inPlan: false }, false],
  ] as const)('off-plan reason: %s → needed %s', (_l, r, needed) => {
    expect(needsOffPlanReason(r)).toBe(needed);
  });

  it.each([
    [0, 2, null],
    [1, 2, null],
    [2, 2, '3次'],
    [0, 1, null],
    [1, 1, '2次'],
  ])('with %i inspections before and a cap of %i: warning %s', (before, cap, word) => {
    const w = capWarning({ countBefore: before, cap, entityName: '某公司', year: 2022 });
    if (word === null) expect(w).toBeNull();
    else expect(w).toContain(word);
  });
  it('the default cap is 2 (this system’s default, not a figure of 54号)', () => expect(DEFAULT_ENTITY_CAP).toBe(2));

  it.each([
    ['无问题', null, []],
    ['无问题', '2022-08-10', ['rectifyDueOn']],
    ['责令整改', null, ['rectifyDueOn']],
    ['责令整改', '2022-08-01', []],
    ['责令整改', '2022-07-31', ['rectifyDueOn']],
    ['立案', null, []],
  ] as const)('follow-up %s with deadline %s → %j', (followUp, due, fields) => {
    expect(followUpProblems({ followUp, inspectedOn: '2022-08-01', rectifyDueOn: due }).map((p) => p.field)).toEqual(fields);
  });

  it.each([
    ['移送线索', { clueId: null, caseId: null }, 'clueId'],
    ['移送线索', { clueId: 'c', caseId: null }, null],
    ['立案', { clueId: 'c', caseId: null }, 'caseId'],
    ['立案', { clueId: null, caseId: 'k' }, null],
    ['无问题', { clueId: null, caseId: null }, null],
  ])('a %s record linked to %j: problem on %s', (f, link, field) => {
    expect(linkProblem(f, link)?.field ?? null).toBe(field);
  });

  it('the 整改期限 is tracked on the day the bureau set, even a Sunday (no rolling)', () => {
    const cal = createCalendar({});
    expect(computeDeadline({ rule: rectifyRule('2022-08-01', '2022-08-14'), start: '2022-08-01' }, cal).due).toBe('2022-08-14');
  });
});

describe('inspections.record workflow', () => {
  it.each([
    [{ follow_up: '无问题', rectified_on: null, closed_on: '2022-08-01' }, 'closed'],
    [{ follow_up: '责令整改', rectified_on: null, closed_on: null }, 'rectifying'],
    [{ follow_up: '责令整改', rectified_on: '2022-08-10', closed_on: '2022-08-10' }, 'closed'],
    [{ follow_up: '立案', rectified_on: null, closed_on: null }, 'done'],
  ])('%j is %s', (r, stage) => expect(recordStage(r)).toBe(stage));

  it('every stage is reachable and each event is a closed command', () => {
    expect(Object.keys(recordWorkflow.stages)).toEqual(['done', 'rectifying', 'closed']);
    for (const c of Object.values(RECORD_EVENT_COMMANDS)) expect((c.input as { additionalProperties?: unknown }).additionalProperties).toBe(false);
  });

  it('整改完成 not before the inspection; 办结 of a 立案 record needs its case', () => {
    const r = { inspected_on: '2022-08-01', follow_up: '责令整改', clue_id: null, case_id: null };
    expect(() => RECORD_EVENT_COMMANDS.rectified.apply({ r }, { version: 1, rectifiedOn: '2022-07-31' })).toThrow(/不能早于检查日期/);
    expect(RECORD_EVENT_COMMANDS.rectified.apply({ r }, { version: 1, rectifiedOn: '2022-08-01' }).set).toMatchObject({
      rectified_on: '2022-08-01',
      closed_on: '2022-08-01',
    });
    const k = { ...r, follow_up: '立案' };
    expect(() => RECORD_EVENT_COMMANDS.close.apply({ r: k }, { version: 1, closedOn: '2022-08-02' })).toThrow(/关联立案的案件/);
    expect(RECORD_EVENT_COMMANDS.close.apply({ r: { ...k, case_id: 'x' } }, { version: 1, closedOn: '2022-08-02' }).set.closed_on).toBe('2022-08-02');
  });
});

import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { createCalendar } from '../../../core/calendar/calendar.js';
import type { CaseWithOrg } from '../repository.js';
import { CASE_EVENTS, type Changes, type EventFacts } from './caseEvents.js';
import { EVENTS } from '../workflow.js';

/** A case as loaded, with only the columns the events read set. */
const kase = (over: Partial<CaseWithOrg> = {}): CaseWithOrg =>
  ({
    filed_on: '2023-03-01',
    party_type: '法人',
    proposed_kinds: ['罚款'],
    proposed_fine_fen: 500_000,
    proposed_confiscation_fen: 0,
    circumstance: null,
    first_violation: false,
    discretion_base_fen: null,
    notified_on: '2023-03-10',
    hearing_on: null,
    decided_on: '2023-04-03',
    served_on: '2023-04-06',
    executed_on: null,
    closed_on: null,
    fine_fen: 500_000,
    confiscation_fen: 0,
    ...over,
  }) as CaseWithOrg;

const facts = (on: string, over: Partial<CaseWithOrg> = {}, evidenceCount = 1, extra: Partial<EventFacts> = {}): EventFacts => ({
  c: kase(over),
  on,
  evidenceCount,
  item: undefined,
  calendar: createCalendar({}),
  actor: { userId: '00000000-0000-4000-8000-000000000001', name: '李局长' },
  street: false,
  ...extra,
});
/** A reviewer with the qualification, and a first-time one without it. */
const QUALIFIED = { name: '陈法制', qualification: { no: 'A20194401060001', on: '2019-12-20' }, earlierReviews: 0 };
const UNQUALIFIED = { name: '新审核员', qualification: null, earlierReviews: 0 };
const ALL_CHECKS = { competent: true, officers: true, procedure: true, facts: true, basis: true, powers: true, documents: true, transfer: true };

type Row = [name: string, run: () => Changes, expected: Partial<Changes>];
const apply = <E extends keyof typeof CASE_EVENTS>(e: E, f: EventFacts, input: Record<string, unknown>) =>
  (CASE_EVENTS[e].apply as (f: EventFacts, i: Record<string, unknown>) => Changes)(f, { version: 1, ...input });

const CHANGES: Row[] = [
  [
    'evidence defaults its date to the event’s',
    () => apply('add_evidence', facts('2023-03-02'), { kind: 'photo', title: ' 现场照片 ' }),
    { set: {}, evidence: { kind: 'photo', title: '现场照片', collected_on: '2023-03-02', note: null, attachment_id: null } },
  ],
  [
    'an extension defaults to 30 days',
    () => apply('approve_extension', facts('2023-05-01'), { reason: '案情复杂' }),
    { set: { extension_days: 30, extension_approved_on: '2023-05-01', extension_reason: '案情复杂' } },
  ],
  [
    'a proposal in yuan is stored in fen',
    () => apply('propose', facts('2023-03-05'), { kinds: ['罚款'], fineYuan: 1234.56, major: true }),
    {
      set: {
        proposed_kinds: ['罚款'],
        proposed_fine_fen: 123_456,
        proposed_confiscation_fen: 0,
        circumstance: null,
        first_violation: false,
        discretion_base_fen: null,
        major: true,
      },
    },
  ],
  [
    'the head’s decision keeps the notified penalty, records the head by the signed-in name and asks for the next decision number',
    () => apply('decide', facts('2023-04-03'), { facts: '事实', basis: '依据' }),
    {
      set: {
        penalty_kinds: ['罚款'],
        fine_fen: 500_000,
        confiscation_fen: 0,
        decided_on: '2023-04-03',
        decision_facts: '事实',
        decision_basis: '依据',
        decision_approver: '李局长',
        decision_approver_user_id: '00000000-0000-4000-8000-000000000001',
        decision_approver_capacity: 'head',
        decision_approver_delegation: null,
      },
      decisionNo: null,
      note: { approvedBy: '李局长（行政机关负责人）' },
    },
  ],
  [
    'a street case’s decision names the street office’s deputy head and the delegation; the submitted facts and basis stand',
    () =>
      apply('decide', facts('2023-04-03', { decision_facts: '呈报事实', decision_basis: '呈报依据' }, 1, { street: true }), {
        approver: '黄副主任',
        capacity: 'deputy',
        delegation: '街道办事处主任委托书（2023年第1号）',
        fineYuan: 3000,
      }),
    {
      set: {
        penalty_kinds: ['罚款'],
        fine_fen: 300_000,
        confiscation_fen: 0,
        decided_on: '2023-04-03',
        decision_facts: '呈报事实',
        decision_basis: '呈报依据',
        decision_approver: '黄副主任',
        decision_approver_user_id: null,
        decision_approver_capacity: 'deputy',
        decision_approver_delegation: '街道办事处主任委托书（2023年第1号）',
      },
      decisionNo: null,
      note: { approvedBy: '黄副主任（受委托的副职负责人）' },
    },
  ],
  [
    'submitting to the head records the draft’s facts and basis',
    () => apply('submit_decision', facts('2023-03-20'), { facts: ' 事实 ', basis: '依据' }),
    { set: { decision_submitted_on: '2023-03-20', decision_facts: '事实', decision_basis: '依据' } },
  ],
  [
    'the head returns the draft with an opinion',
    () => apply('return_decision', facts('2023-03-21', { decision_submitted_on: '2023-03-20' }), { opinion: '补充证据' }),
    { set: { decision_submitted_on: null }, note: { opinion: '补充证据' } },
  ],
  [
    'served directly on a later day (行政处罚法第六十一条)',
    () => apply('serve', facts('2023-04-06'), { method: '直接送达' }),
    { set: { service_method: '直接送达', served_on: '2023-04-06', service_notice_on: null, service_consent_on: null } },
  ],
  [
    '公告送达: served 30 days after the notice (民事诉讼法第九十五条)',
    () => apply('serve', facts('2023-04-06'), { method: '公告送达' }),
    {
      set: { service_method: '公告送达', served_on: '2023-05-06', service_notice_on: '2023-04-06', service_consent_on: null },
      note: { publicNotice: '公告发出之日起经过法定期间视为送达（民事诉讼法第九十五条）：2023-05-06' },
    },
  ],
  [
    '电子送达 with the party’s consent signed the day before',
    () => apply('serve', facts('2023-04-06'), { method: '电子送达', consentOn: '2023-04-05' }),
    { set: { service_method: '电子送达', served_on: '2023-04-06', service_notice_on: null, service_consent_on: '2023-04-05' } },
  ],
  [
    'a qualified first-time reviewer passes the review, recorded by name',
    () => apply('pass_review', facts('2023-03-20', {}, 1, { reviewer: QUALIFIED }), { checklist: ALL_CHECKS }),
    {
      set: {
        review_on: '2023-03-20',
        review_result: '同意',
        review_opinion: '同意',
        review_checklist: JSON.stringify(ALL_CHECKS),
        review_by_user_id: '00000000-0000-4000-8000-000000000001',
        review_by_name: '陈法制',
      },
    },
  ],
  [
    'paid on time: no late charge (行政处罚法第七十二条)',
    () => apply('execute', facts('2023-04-20'), { paidOn: '2023-04-20' }),
    { set: { paid_on: '2023-04-20', late_fee_fen: 0, executed_on: '2023-04-20' } },
  ],
  [
    'revoking gives the publication’s withdrawal reason',
    () => apply('revoke', facts('2023-06-01'), { reason: ' 复议撤销 ' }),
    { set: { revoked_on: '2023-06-01', revoke_reason: '复议撤销' }, reason: '复议撤销' },
  ],
  [
    'a notice resets a waiver',
    () => apply('notify', facts('2023-03-10'), {}),
    { set: { notified_on: '2023-03-10', rights_waived: false, hearing_requested_on: null } },
  ],
];

/** Refusals: [name, run, field or code]. */
const REFUSED: Array<[string, () => Changes, { field?: string; code?: string; message?: string }]> = [
  ['unknown evidence kind', () => apply('add_evidence', facts('2023-03-02'), { kind: 'rumour', title: 'x' }), { field: 'kind' }],
  [
    'evidence collected before filing',
    () => apply('add_evidence', facts('2023-03-02'), { kind: 'photo', title: 'x', collectedOn: '2023-02-28' }),
    { field: 'collectedOn' },
  ],
  ['a fine without 罚款 among the kinds', () => apply('propose', facts('2023-03-05'), { kinds: ['警告'], fineYuan: 100 }), { field: 'fineYuan' }],
  ['a fine to the tenth of a fen', () => apply('propose', facts('2023-03-05'), { kinds: ['罚款'], fineYuan: 1.001 }), { field: 'fineYuan' }],
  ['不予处罚 with another kind', () => apply('propose', facts('2023-03-05'), { kinds: ['不予处罚', '警告'] }), { field: 'kinds' }],
  [
    'a heavier penalty than notified (行政处罚法第四十四条)',
    () => apply('decide', facts('2023-04-03'), { fineYuan: 6000, facts: 'x', basis: 'y' }),
    { code: 'NOTICE_REQUIRED' },
  ],
  [
    'a kind the notice did not state, naming it',
    () => apply('decide', facts('2023-04-03'), { kinds: ['罚款', '责令停产停业'], facts: 'x', basis: 'y' }),
    { code: 'NOTICE_REQUIRED', message: expect.stringContaining('“责令停产停业”') },
  ],
  [
    'a bureau case approved under another name than the signed-in head’s',
    () => apply('decide', facts('2023-04-03'), { approver: '王副局长', facts: 'x', basis: 'y' }),
    { field: 'approver' },
  ],
  [
    'a street case’s decision without the head’s name',
    () => apply('decide', facts('2023-04-03', {}, 1, { street: true }), { facts: 'x', basis: 'y' }),
    { field: 'approver' },
  ],
  [
    'a deputy’s approval without the delegation (行政处罚法第五十七条)',
    () => apply('decide', facts('2023-04-03'), { capacity: 'deputy', facts: 'x', basis: 'y' }),
    { field: 'delegation', message: expect.stringContaining('第五十七条') },
  ],
  ['a submission without the facts', () => apply('submit_decision', facts('2023-03-20'), { basis: 'y' }), { field: 'facts' }],
  ['a return without an opinion', () => apply('return_decision', facts('2023-03-21'), { opinion: '' }), { field: 'opinion' }],
  ['service without a method', () => apply('serve', facts('2023-04-06'), {}), { field: 'method' }],
  ['an unknown service method', () => apply('serve', facts('2023-04-06'), { method: '口头送达' }), { field: 'method' }],
  [
    '当场交付 on another day than the decision',
    () => apply('serve', facts('2023-04-06'), { method: '当场交付' }),
    { field: 'on', message: expect.stringContaining('第六十一条') },
  ],
  [
    '电子送达 without the party’s consent (第六十一条第二款)',
    () => apply('serve', facts('2023-04-06'), { method: '电子送达' }),
    { field: 'consentOn', message: expect.stringContaining('第六十一条第二款') },
  ],
  [
    'a first-time reviewer without 法律职业资格 passing (第五十八条第二款)',
    () => apply('pass_review', facts('2023-03-20', {}, 1, { reviewer: UNQUALIFIED }), { checklist: ALL_CHECKS }),
    { code: 'REVIEWER_NOT_QUALIFIED', message: expect.stringContaining('第五十八条第二款') },
  ],
  [
    'a first-time reviewer without 法律职业资格 rejecting',
    () => apply('reject_review', facts('2023-03-20', {}, 1, { reviewer: UNQUALIFIED }), { opinion: '证据不足' }),
    { code: 'REVIEWER_NOT_QUALIFIED' },
  ],
  [
    'a decision before the notice, naming both dates',
    () => apply('decide', facts('2023-03-09'), { facts: 'x', basis: 'y' }),
    { field: 'on', message: '决定日期（2023-03-09）不能早于告知日期（2023-03-10）' },
  ],
  ['an extension of 91 days', () => apply('approve_extension', facts('2023-05-01'), { days: 91, reason: 'x' }), { field: 'days' }],
  [
    'a passed review with the checklist incomplete',
    () => apply('pass_review', facts('2023-03-20', {}, 1, { reviewer: QUALIFIED }), { checklist: { competent: true } }),
    { field: 'checklist' },
  ],
  [
    'a rejected review without its problems',
    () => apply('reject_review', facts('2023-03-20', {}, 1, { reviewer: QUALIFIED }), { opinion: ' ' }),
    { field: 'opinion' },
  ],
  [
    'a summary decision without facts or evidence',
    () => apply('summary_decide', facts('2023-03-01', {}, 0), { kinds: ['警告'], basis: 'y' }),
    { field: 'facts', message: '请填写违法事实' },
  ],
];

describe('each case event’s pure apply', () => {
  for (const [name, run, expected] of CHANGES) it(name, () => expect(run()).toEqual(expected));
  for (const [name, run, want] of REFUSED) it(`refuses ${name}`, () => expect(run).toThrow(expect.objectContaining(want)));
});

describe('each case event’s input schema', () => {
  it('covers every event of the workflow', () => expect(Object.keys(CASE_EVENTS).sort()).toEqual(Object.keys(EVENTS).sort()));
  it('takes the version, the date and the event’s own fields, nothing else', () => {
    expect(Value.Check(CASE_EVENTS.record_statement.input, { version: 1, on: '2023-03-01', statement: 'x' })).toBe(true);
    expect(Value.Check(CASE_EVENTS.record_statement.input, { version: 1, statement: 'x', fineYuan: 1 })).toBe(false);
    expect(Value.Check(CASE_EVENTS.propose.input, { version: 1, kinds: ['罚款'], fineYuan: '100' })).toBe(false);
    expect(Value.Check(CASE_EVENTS.serve.input, { on: '2023-03-01' })).toBe(false);
  });
});

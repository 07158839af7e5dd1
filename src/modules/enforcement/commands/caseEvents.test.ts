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

const facts = (on: string, over: Partial<CaseWithOrg> = {}, evidenceCount = 1): EventFacts => ({
  c: kase(over),
  on,
  evidenceCount,
  item: undefined,
  calendar: createCalendar({}),
});

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
    'a decision keeps the notified penalty and asks for the next decision number',
    () => apply('decide', facts('2023-04-03'), { facts: '事实', basis: '依据' }),
    {
      set: { penalty_kinds: ['罚款'], fine_fen: 500_000, confiscation_fen: 0, decided_on: '2023-04-03', decision_facts: '事实', decision_basis: '依据' },
      decisionNo: null,
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
    'a decision before the notice, naming both dates',
    () => apply('decide', facts('2023-03-09'), { facts: 'x', basis: 'y' }),
    { field: 'on', message: '决定日期（2023-03-09）不能早于告知日期（2023-03-10）' },
  ],
  ['an extension of 91 days', () => apply('approve_extension', facts('2023-05-01'), { days: 91, reason: 'x' }), { field: 'days' }],
  [
    'a passed review with the checklist incomplete',
    () => apply('pass_review', facts('2023-03-20'), { checklist: { competent: true } }),
    { field: 'checklist' },
  ],
  ['a rejected review without its problems', () => apply('reject_review', facts('2023-03-20'), { opinion: ' ' }), { field: 'opinion' }],
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

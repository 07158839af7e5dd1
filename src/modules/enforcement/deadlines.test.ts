import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { caseDeadlines, decisionDeadline, extensionInForce, RULES, type DeadlineFacts } from './deadlines.js';
import { earliestHearingDate } from './rules.js';

const cal = createCalendar({});
/** A case filed on 4 Jul 2022 with nothing done since: no extension, decision, notice, service, payment nor publication. */
const UNDECIDED: DeadlineFacts = {
  filedOn: '2022-07-04',
  extensionDays: null,
  extensionApprovedOn: null,
  decidedOn: null,
  notifiedOn: null,
  hearingRequestedOn: null,
  rightsWaived: false,
  servedOn: null,
  paidOn: null,
  fineFen: 0,
  publishedOn: null,
  closedOn: null,
  revokedOn: null,
};

describe('the enforcement deadline table', () => {
  it.each([
    ['90-day decision ending on National Day rolls to the make-up Saturday 8 Oct', 'decision', '2022-07-04', '2022-10-08'],
    ['90-day decision from a March filing', 'decision', '2022-03-01', '2022-05-30'],
    ['5-working-day hearing request window spans National Day and its make-up weekend', 'hearingRequest', '2022-09-29', '2022-10-11'],
    ['5-working-day window in an ordinary week', 'hearingRequest', '2022-03-07', '2022-03-14'],
    ['15-day payment term', 'payment', '2022-03-01', '2022-03-16'],
    ['15-day payment ending on the Labour Day holiday rolls to 5 May', 'payment', '2022-04-15', '2022-05-05'],
    ['7-working-day publication term past National Day', 'publication', '2022-09-29', '2022-10-13'],
    ['15-working-day transfer feedback over Spring Festival, counting the make-up weekend 29–30 Jan', 'transferFeedback', '2022-01-24', '2022-02-17'],
  ] as const)('%s', (_n, key, start, due) => expect(computeDeadline({ rule: RULES[key], start }, cal).due).toBe(due));

  it('every rule names its source', () => {
    for (const r of Object.values(RULES)) expect(r.source).toMatch(/行政处罚法|国办发|本局/);
  });

  it('an approved 30-day extension runs from the unrolled end (2 Oct + 30 = 1 Nov)', () => {
    expect(decisionDeadline({ filedOn: '2022-07-04', extensionDays: 30, extensionApprovedOn: '2022-09-20' }, cal).due).toBe('2022-11-01');
  });

  it('a hearing is held no earlier than the 7th working day after its notice (行政处罚法第六十四条)', () => {
    expect(earliestHearingDate('2022-09-29', cal)).toBe('2022-10-13');
  });
});

describe('case deadlines with their status', () => {
  it.each([
    ['well before the decision deadline', UNDECIDED, '2022-08-01', 'ok'],
    ['three working days before: due soon', UNDECIDED, '2022-10-02', 'due_soon'],
    ['past it without a decision: overdue', UNDECIDED, '2022-10-09', 'overdue'],
    ['decided: done', { ...UNDECIDED, decidedOn: '2022-09-01' }, '2022-12-01', 'done'],
  ])('%s', (_n, facts, today, status) => expect(caseDeadlines(facts, cal, today).find((d) => d.key === 'decision')!.status).toBe(status));

  it('adds the payment term after service of a fine (2 Sep + 15 = Sat 17 Sep, rolled to Mon 19 Sep), overdue when unpaid', () => {
    const ds = caseDeadlines({ ...UNDECIDED, decidedOn: '2022-09-01', servedOn: '2022-09-02', fineFen: 100_000, publishedOn: '2022-09-05' }, cal, '2022-09-30');
    expect(ds.find((d) => d.key === 'payment')).toMatchObject({ due: '2022-09-19', status: 'overdue' });
    expect(ds.find((d) => d.key === 'publication')).toMatchObject({ status: 'done' });
  });

  it("the party's hearing window closes once elapsed (not shown as overdue)", () => {
    const ds = caseDeadlines({ ...UNDECIDED, notifiedOn: '2022-09-29' }, cal, '2022-10-20');
    expect(ds.find((d) => d.key === 'hearingRequest')).toMatchObject({ due: '2022-10-11', status: 'done' });
  });
});

describe('late extensions (行政处罚法第六十条): only an extension approved while the term ran counts', () => {
  // Filed 4 Jul 2022: 90 days end on Sun 2 Oct (National Day), rolled to the make-up Saturday 8 Oct.
  const filedOn = '2022-07-04';
  it.each<[string, string | null, boolean, string]>([
    ['approved well before the due date', '2022-09-20', true, '2022-11-01'],
    ['approved on the due date itself (the last day allowed)', '2022-10-08', true, '2022-11-01'],
    ['approved the day after the due date (the first day refused)', '2022-10-09', false, '2022-10-08'],
    ['approved a month after the term ran out', '2022-11-10', false, '2022-10-08'],
    ['no approval date recorded: nothing shows it late', null, true, '2022-11-01'],
  ])('%s', (_n, approvedOn, counts, due) => {
    const c = { filedOn, extensionDays: 30, extensionApprovedOn: approvedOn };
    expect(extensionInForce(c, cal)).toEqual({ counts, originalDue: '2022-10-08' });
    const d = decisionDeadline(c, cal);
    expect(d.due).toBe(due);
    if (!counts) expect(d.text).toContain(`延长办案期限的批准日${approvedOn}晚于原期限届满日2022-10-08，期限届满后批准的延长不发生效力`);
  });

  const base: DeadlineFacts = { ...UNDECIDED, filedOn, extensionDays: 30, extensionApprovedOn: '2022-10-09' };
  it.each<[string, Partial<DeadlineFacts>, string, { status: string; late: boolean; due: string }]>([
    ['late extension, undecided after the original due date: overdue', {}, '2022-10-20', { status: 'overdue', late: false, due: '2022-10-08' }],
    [
      'late extension, decided within the 30 days it claimed: done, but late',
      { decidedOn: '2022-10-20' },
      '2022-12-01',
      { status: 'done', late: true, due: '2022-10-08' },
    ],
    [
      'timely extension, decided within it: done on time',
      { extensionApprovedOn: '2022-10-08', decidedOn: '2022-10-20' },
      '2022-12-01',
      { status: 'done', late: false, due: '2022-11-01' },
    ],
    [
      'no extension, decided on the due date: on time',
      { extensionDays: null, extensionApprovedOn: null, decidedOn: '2022-10-08' },
      '2022-12-01',
      { status: 'done', late: false, due: '2022-10-08' },
    ],
  ])('%s', (_n, over, today, want) => {
    expect(caseDeadlines({ ...base, ...over }, cal, today).find((d) => d.key === 'decision')).toMatchObject(want);
  });
});

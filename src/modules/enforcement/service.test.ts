import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { caseDeadlines, RULES } from './deadlines.js';
import { deemedServedOn, publicNoticeRule, serviceProblems } from './service.js';

const cal = createCalendar({});

describe('送达 — 行政处罚法第六十一条', () => {
  it.each([
    ['handed over on the spot the day it is announced', { method: '当场交付', decidedOn: '2023-04-03', on: '2023-04-03', consentOn: null }, []],
    ['handed over on the spot a day later is not on the spot', { method: '当场交付', decidedOn: '2023-04-03', on: '2023-04-04', consentOn: null }, ['on']],
    ['served directly on the decision day', { method: '直接送达', decidedOn: '2023-04-03', on: '2023-04-03', consentOn: null }, []],
    ['served the day before the decision', { method: '邮寄送达', decidedOn: '2023-04-03', on: '2023-04-02', consentOn: null }, ['on']],
    [
      '电子送达 with consent signed that day (the last day allowed)',
      { method: '电子送达', decidedOn: '2023-04-03', on: '2023-04-06', consentOn: '2023-04-06' },
      [],
    ],
    [
      '电子送达 with consent signed the day after (the first refused)',
      { method: '电子送达', decidedOn: '2023-04-03', on: '2023-04-06', consentOn: '2023-04-07' },
      ['consentOn'],
    ],
    ['电子送达 without consent', { method: '电子送达', decidedOn: '2023-04-03', on: '2023-04-06', consentOn: null }, ['consentOn']],
    ['公告送达 published after the decision', { method: '公告送达', decidedOn: '2023-04-03', on: '2023-04-20', consentOn: null }, []],
    ['an unknown method', { method: '口头', decidedOn: '2023-04-03', on: '2023-04-03', consentOn: null }, ['method']],
  ] as const)('%s', (_n, s, fields) => expect(serviceProblems(s).map((p) => p.field)).toEqual(fields));
});

describe('the service terms', () => {
  it.each([
    ['7 working days from a Monday decision', '2023-04-10', '2023-04-19'],
    ['7 working days over Qingming 2023 (5 April)', '2023-04-03', '2023-04-13'],
    ['7 working days over Labour Day 2023 and its make-up Saturday 6 May', '2023-04-27', '2023-05-10'],
  ])('%s', (_n, decidedOn, due) => expect(computeDeadline({ rule: RULES.service, start: decidedOn }, cal).due).toBe(due));

  it.each([
    ['a notice published on 31 Dec 2021: 60 days (民事诉讼法2017年修正第九十二条)', '2021-12-31', 60, '2022-03-01'],
    ['a notice published on 1 Jan 2022: 30 days (民事诉讼法第九十五条), ending on Spring Festival eve, rolled to 7 Feb', '2022-01-01', 30, '2022-02-07'],
    ['a notice published on 10 Apr 2023: served on 10 May', '2023-04-10', 30, '2023-05-10'],
    ['30 days ending on Saturday 4 Feb 2023 stays (no holiday: a weekend end rolls to Monday)', '2023-01-05', 30, '2023-02-06'],
  ])('%s', (_n, noticeOn, n, served) => {
    expect(publicNoticeRule(noticeOn).n).toBe(n);
    expect(deemedServedOn(noticeOn, cal)).toBe(served);
  });

  const base = {
    filedOn: '2023-03-01',
    extensionDays: null,
    extensionApprovedOn: null,
    notifiedOn: null,
    hearingRequestedOn: null,
    rightsWaived: false,
    paidOn: null,
    fineFen: 0,
    publishedOn: null,
    closedOn: null,
    revokedOn: null,
  };
  const service = (over: Record<string, unknown>, today: string) =>
    caseDeadlines({ ...base, decidedOn: '2023-04-10', servedOn: null, ...over }, cal, today).filter((d) => d.key === 'service' || d.key === 'publicNotice');

  it('the service term is open on its last day and overdue the next', () => {
    expect(service({}, '2023-04-19')[0]).toMatchObject({ key: 'service', due: '2023-04-19', status: 'due_soon' });
    expect(service({}, '2023-04-20')[0]).toMatchObject({ key: 'service', status: 'overdue' });
  });
  it('served: the term is done on the service day', () => {
    expect(service({ servedOn: '2023-04-12' }, '2023-05-01')[0]).toMatchObject({ key: 'service', doneOn: '2023-04-12', status: 'done' });
  });
  it('公告送达: the term is done when the notice went out, and the notice period runs until it counts as served', () => {
    const during = service({ servedOn: '2023-05-10', serviceNoticeOn: '2023-04-12' }, '2023-05-09');
    expect(during.map((d) => [d.key, d.due, d.status])).toEqual([
      ['service', '2023-04-19', 'done'],
      ['publicNotice', '2023-05-12', 'due_soon'],
    ]);
    expect(service({ servedOn: '2023-05-12', serviceNoticeOn: '2023-04-12' }, '2023-05-11')[1]).toMatchObject({ status: 'due_soon', doneOn: null });
    expect(service({ servedOn: '2023-05-12', serviceNoticeOn: '2023-04-12' }, '2023-05-12')[1]).toMatchObject({ status: 'done', doneOn: '2023-05-12' });
  });
});

import { describe, expect, it } from 'vitest';
import { computeDeadline, createCalendar } from '../../core/calendar/index.js';
import { CO_OPINION_RULE, DIFFICULT_REPLY_RULE, replyRule, REPLY_RULE } from './rules.js';

const cal = createCalendar({});

describe('reply terms of suggestions and proposals', () => {
  it.each([
    ['3 months from 15 March end on 15 June', REPLY_RULE, '2022-03-15', '2022-06-15'],
    ['3 months from 30 November end on the last day of February', REPLY_RULE, '2022-11-30', '2023-02-28'],
    ['3 months ending on the Dragon Boat holiday (3 Jun 2022) roll to 6 June', REPLY_RULE, '2022-03-03', '2022-06-06'],
    ['6 months for a difficult one', DIFFICULT_REPLY_RULE, '2022-03-15', '2022-09-15'],
    ['a co-handler’s opinion within 1 month', CO_OPINION_RULE, '2022-03-15', '2022-04-15'],
  ])('%s', (_n, rule, start, due) => expect(computeDeadline({ rule, start }, cal).due).toBe(due));

  it('the assignment document’s own 办理期限 wins and is not rolled', () => {
    const rule = replyRule({ assignedOn: '2022-03-15', difficult: false, dueOn: '2022-06-12' });
    expect(computeDeadline({ rule, start: '2022-03-15' }, cal).due).toBe('2022-06-12');
  });
  it('a difficult one without a document term gets 6 months', () =>
    expect(replyRule({ assignedOn: '2022-03-15', difficult: true, dueOn: null })).toBe(DIFFICULT_REPLY_RULE));
});

import { describe, expect, it } from 'vitest';
import { publicIdNo, publicPartyName, PUBLICATION_RULE } from './rules.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { createCalendar } from '../../core/calendar/calendar.js';

describe('public masking of parties', () => {
  it.each([
    ['a natural person keeps the surname only', '张三丰', '自然人', '张某某'],
    ['a two-character name', '李四', '自然人', '李某某'],
    ['a company is shown in full', '广州某某建设有限公司', '法人', '广州某某建设有限公司'],
    ['another organisation in full', '某某经济合作社', '其他组织', '某某经济合作社'],
  ])('%s', (_n, name, type, shown) => expect(publicPartyName(name, type)).toBe(shown));

  it.each([
    ['an ID-card number keeps its first 6 and last 4', '44010619900101123X', '自然人', '440106********123X'],
    ['a USCC is public', '91440101MA5D12345X', '法人', '91440101MA5D12345X'],
    ['nothing recorded', null, '自然人', ''],
  ])('%s', (_n, id, type, shown) => expect(publicIdNo(id, type)).toBe(shown));
});

describe('the 7-working-day publication term', () => {
  const cal = createCalendar({});
  it.each([
    ['a Monday decision is due the next Wednesday', '2022-03-07', '2022-03-16'],
    ['a decision before National Day skips the holidays', '2022-09-29', '2022-10-13'],
  ])('%s', (_n, decided, due) => expect(computeDeadline({ rule: PUBLICATION_RULE, start: decided }, cal).due).toBe(due));
});

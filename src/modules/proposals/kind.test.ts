import { describe, expect, it } from 'vitest';
import { proposalKind } from './kind.js';

const intake = (dueOn: unknown) =>
  proposalKind.checkIntake?.({ receivedOn: '2023-03-01', demandType: '人大代表建议', channel: '主办', timeLimit: null, attrs: { dueOn } } as never) ?? [];

describe('建议提案 intake: 办理期限 is a real date', () => {
  it.each([
    ['a real date', '2023-02-28', []],
    ['no date', null, []],
    ['a day February does not have', '2023-02-30', ['attrs.dueOn']],
    ['a date with a time', '2023-02-28 09:00', ['attrs.dueOn']],
    ['text', '三个月内', ['attrs.dueOn']],
  ])('%s', (_n, dueOn, fields) => {
    expect(intake(dueOn).map((e) => e.field)).toEqual(fields);
  });
});

import { describe, expect, it } from 'vitest';
import { addYears, limitationBreaches, limitationDateProblems, limitationOf, type LimitationCheck } from './limitation.js';

const base: LimitationCheck = { violationOn: '2022-03-10', discoveredOn: '2024-03-10', discoveredAs: '立案日期' };

describe('追责时效 (行政处罚法第三十六条): the last day allowed and the first day refused', () => {
  it.each<[string, Partial<LimitationCheck>, string | null, boolean]>([
    ['2 years: discovered on the same day 2 years later is in time', {}, '2024-03-10', true],
    ['2 years: the next day is refused', { discoveredOn: '2024-03-11' }, '2024-03-10', false],
    ['discovered the day of the violation', { discoveredOn: '2022-03-10' }, '2024-03-10', true],
    ['5 years (生命健康安全、金融安全且有危害后果): the last day', { serious: true, discoveredOn: '2027-03-10' }, '2027-03-10', true],
    ['5 years: the first day refused', { serious: true, discoveredOn: '2027-03-11' }, '2027-03-10', false],
    ['a 5-year violation discovered in its third year is in time', { serious: true, discoveredOn: '2024-12-31' }, '2027-03-10', true],
    ['continuing: runs from its end — the last day', { violationEndedOn: '2023-01-31', discoveredOn: '2025-01-31' }, '2025-01-31', true],
    ['continuing: the first day after its end’s period refused', { violationEndedOn: '2023-01-31', discoveredOn: '2025-02-01' }, '2025-01-31', false],
    ['continuing at discovery (ended = discovered) is never out of time', { violationEndedOn: '2026-05-01', discoveredOn: '2026-05-01' }, '2028-05-01', true],
    ['leap day: 29 Feb 2020 + 2 years ends on 28 Feb 2022 — the last day', { violationOn: '2020-02-29', discoveredOn: '2022-02-28' }, '2022-02-28', true],
    ['leap day: 1 Mar 2022 refused', { violationOn: '2020-02-29', discoveredOn: '2022-03-01' }, '2022-02-28', false],
    [
      'leap day + 4 years (5-year period from 29 Feb 2024 ends 28 Feb 2029)',
      { violationOn: '2024-02-29', serious: true, discoveredOn: '2029-03-01' },
      '2029-02-28',
      false,
    ],
    [
      '28 Feb 2022 + 2 years is 28 Feb 2024 (not the leap day): 29 Feb 2024 refused',
      { violationOn: '2022-02-28', discoveredOn: '2024-02-29' },
      '2024-02-28',
      false,
    ],
    [
      'past the period with a recorded legal ground (法律另有规定): allowed',
      { discoveredOn: '2025-01-01', override: '《中华人民共和国税收征收管理法》第八十六条' },
      '2024-03-10',
      true,
    ],
    ['a blank legal ground is no override', { discoveredOn: '2025-01-01', override: '  ' }, '2024-03-10', false],
    ['no violation date recorded: nothing to check', { violationOn: null, discoveredOn: '2030-01-01' }, null, true],
  ])('%s', (_name, over, lastDay, allowed) => {
    const c = { ...base, ...over };
    expect(limitationOf(c)?.lastDay ?? null).toBe(lastDay);
    const b = limitationBreaches(c);
    expect(b.length === 0).toBe(allowed);
    if (!allowed) {
      expect(b[0]).toMatchObject({
        rule: 'enforcement.limitation',
        statute: '《中华人民共和国行政处罚法》第三十六条',
        field: 'violationOn',
        column: '违法行为发生日期',
      });
      expect(b[0]!.message).toContain(`时效至${lastDay}届满`);
      expect(b[0]!.message).toContain('不予立案');
    }
  });

  it('says from which day and until when, citing the article', () => {
    expect(limitationOf({ violationOn: '2022-03-10', violationEndedOn: '2022-06-30' })).toMatchObject({
      from: '2022-06-30',
      years: 2,
      lastDay: '2024-06-30',
      text: expect.stringContaining('违法行为终了之日2022-06-30'),
      source: expect.stringContaining('第三十六条'),
    });
  });

  it.each([
    ['2023-02-28', 1, '2024-02-28'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2099-12-31', 2, '2101-12-31'],
  ])('addYears(%s, %i) = %s', (d, n, out) => expect(addYears(d, n)).toBe(out));
});

describe('the dates of a violation', () => {
  it.each<[string, Partial<LimitationCheck>, Array<[string, string]>]>([
    ['in order', {}, []],
    ['violation on the discovery day', { violationOn: '2024-03-10' }, []],
    ['violation the day after discovery', { violationOn: '2024-03-11' }, [['violationOn', '违法行为发生日期不能晚于立案日期（2024-03-10）']]],
    ['end the same day as the start', { violationEndedOn: '2022-03-10' }, []],
    ['end the day before the start', { violationEndedOn: '2022-03-09' }, [['violationEndedOn', '违法行为终了日期不能早于发生日期']]],
    ['end without a start', { violationOn: null, violationEndedOn: '2022-03-09' }, [['violationOn', '填写了违法行为终了日期，须填写违法行为发生日期']]],
  ])('%s', (_n, over, problems) => expect(limitationDateProblems({ ...base, ...over })).toEqual(problems));
});

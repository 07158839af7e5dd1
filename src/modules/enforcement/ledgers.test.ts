import { describe, expect, it } from 'vitest';
import { type PenaltyCaseRow, penaltyCasesSpec } from './ledgers.js';

/** A penalty-cases row with its dates in order; `over` moves one. */
const row = (over: Partial<PenaltyCaseRow> = {}): PenaltyCaseRow =>
  ({
    caseNo: '天水执立〔2022〕1号',
    org: '水政监察大队',
    cause: '未经许可取水',
    partyType: '法人',
    partyName: '某公司',
    filedOn: '2022-03-01',
    kinds: ['罚款'],
    fine: 500_000,
    decidedOn: '2022-04-01',
    decisionNo: '穗天水罚〔2022〕1号',
    servedOn: '2022-04-05',
    executedOn: '2022-04-20',
    closedOn: '2022-04-25',
    publishedOn: '2022-04-08',
    ...over,
  }) as PenaltyCaseRow;

/** [name, the row's change, the issue expected on the row]. */
const ORDER: Array<[string, Partial<PenaltyCaseRow>, { key: string; message: string }]> = [
  ['decided before filing', { decidedOn: '2022-02-28' }, { key: 'decidedOn', message: '决定日期不能早于立案日期' }],
  ['served before the decision', { servedOn: '2022-03-31' }, { key: 'servedOn', message: '送达日期不能早于决定日期' }],
  ['executed before service', { executedOn: '2022-04-04' }, { key: 'executedOn', message: '执行完毕日期不能早于送达日期' }],
  [
    'executed before the decision when not served',
    { servedOn: null, executedOn: '2022-03-31' },
    { key: 'executedOn', message: '执行完毕日期不能早于送达日期' },
  ],
  ['closed before filing', { closedOn: '2022-02-01' }, { key: 'closedOn', message: '结案日期不能早于立案日期' }],
  ['published before the decision', { publishedOn: '2022-03-30' }, { key: 'publishedOn', message: '公示日期不能早于决定日期' }],
];

describe('penalty-cases rows: each date not before the step it follows', () => {
  it('a row with its dates in order has no issue', () => expect(penaltyCasesSpec.checkRow?.(row())).toEqual([]));
  for (const [name, over, issue] of ORDER) it(`refuses a row ${name}`, () => expect(penaltyCasesSpec.checkRow?.(row(over))).toEqual([issue]));
});

import { describe, it, expect, expectTypeOf } from 'vitest';
import { defineLedgerSpec, normalizeHeader, type LedgerSpec, type RowOf } from './spec.js';
import { casesSpec, orgsSpec } from './fixtures/specs.js';

describe('defineLedgerSpec', () => {
  it('infers the row type: required columns non-null, optional ones | null, enums as literal unions', () => {
    expectTypeOf<RowOf<typeof orgsSpec>>().toEqualTypeOf<{
      name: string;
      kind: '局' | '科室' | '街道' | '其他';
      parent: string | null;
      uscc: string | null;
      regionCode: string | null;
    }>();
    type Case = RowOf<typeof casesSpec>;
    expectTypeOf<Case['fine']>().toEqualTypeOf<number | null>();
    expectTypeOf<Case['filedOn']>().toEqualTypeOf<string>();
    expectTypeOf<Case['major']>().toEqualTypeOf<boolean | null>();
    expectTypeOf<Case['officers']>().toEqualTypeOf<string[] | null>();
    expectTypeOf<Case['kinds']>().toEqualTypeOf<Array<
      '警告' | '罚款' | '没收违法所得' | '没收非法财物' | '责令停产停业' | '暂扣许可证件' | '不予处罚'
    > | null>();
    expectTypeOf<Case['officerCount']>().toEqualTypeOf<number | null>();
  });

  it('gives a spec that fits where any ledger spec is expected', () => {
    const all: readonly LedgerSpec[] = [orgsSpec, casesSpec];
    expect(all.map((s) => s.key)).toEqual(['orgs', 'penalty-cases']);
  });

  it.each([
    {
      problem: 'a duplicate key',
      columns: [
        { key: 'a', header: '甲', type: 'text' },
        { key: 'a', header: '乙', type: 'text' },
      ],
    },
    {
      problem: 'headers equal once normalised',
      columns: [
        { key: 'a', header: '投入人员 (人次)', type: 'int' },
        { key: 'b', header: '投入人员（人次）', type: 'int' },
      ],
    },
    { problem: 'an enum without values', columns: [{ key: 'a', header: '甲', type: 'enum', enum: [] }] },
    { problem: 'enum values on a date column', columns: [{ key: 'a', header: '甲', type: 'date', enum: ['x'] }] },
    { problem: 'a list value containing a separator', columns: [{ key: 'a', header: '甲', type: 'list', enum: ['警告、罚款'] }] },
    { problem: 'an empty header', columns: [{ key: 'a', header: ' ', type: 'text' }] },
  ] as const)('throws on $problem', ({ columns }) => {
    expect(() => defineLedgerSpec({ key: 'k', title: '测试', columns })).toThrow();
  });
});

describe('normalizeHeader', () => {
  it.each([
    { input: ' 单位名称 ', out: '单位名称' },
    { input: '单位名称*', out: '单位名称' },
    { input: '单位名称 ＊', out: '单位名称' },
    { input: '单位\u3000名称', out: '单位名称' },
    { input: '投入人员（人次）', out: '投入人员(人次)' },
    { input: '长度 (km)', out: '长度(km)' },
  ])('normalises “$input”', ({ input, out }) => {
    expect(normalizeHeader(input)).toBe(out);
  });
});

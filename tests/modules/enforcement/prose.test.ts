/**
 * Another bureau's catalogue, as it writes it: 裁量基准 in prose. The catalogue imports with
 * its text verbatim and the levels derived where the text allows, and then the cases naming
 * those items import too (the issue: "nothing could be imported").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSystem } from '../../helpers/system.js';
import type { System } from '../../../src/core/system.js';
import { listTenants } from '../../../src/core/tenant.js';
import { systemActor, type Ctx } from '../../../src/core/context.js';
import { importLedger } from '../../../src/core/ledger/ledger.js';
import { formatLedgerErrors } from '../../../src/core/ledger/parse.js';

let sys: System;
let ctx: Ctx;
beforeAll(async () => {
  sys = await testSystem('demo');
  ctx = sys.ctx(systemActor((await listTenants(sys.db))[0]!.id, '导入测试'));
});
afterAll(() => sys.close());

const csvCell = (v: string) => `"${v.replace(/"/g, '""')}"`;

describe('a catalogue with prose discretion benchmarks, then cases naming its items', () => {
  it('imports both', async () => {
    const items = [
      ['事项编码', '事项名称', '法律依据', '处罚依据', '裁量基准', '是否下放街道'],
      [
        'PROSE-001',
        '未经批准占用河道',
        '《广东省河道管理条例》第二十条',
        '《广东省河道管理条例》第四十一条',
        '情节较轻的，处5000元以下罚款；\n情节较重的，处5000元以上2万元以下罚款；情节严重的，处二万元以上五万元以下罚款',
        '是',
      ],
      [
        'PROSE-002',
        '擅自取水',
        '《中华人民共和国水法》第四十八条',
        '《中华人民共和国水法》第六十九条',
        '处违法所得一倍以上三倍以下罚款；没有违法所得的，处1万元以下罚款',
        '否',
      ],
      ['PROSE-003', '拒不执行水量调度', '《中华人民共和国水法》第四十九条', '', '责令改正，按照有关规定处理', '否'],
    ];
    const itemFile = Buffer.from(items.map((r) => r.map(csvCell).join(',')).join('\n'));
    const r1 = await importLedger(sys, ctx, sys.registry.ledgers.get('enforcement-items')!, { file: { data: itemFile, filename: '外局执法事项目录.csv' } });
    expect(r1.ok ? [] : formatLedgerErrors(r1.errors)).toEqual([]);
    expect(r1).toMatchObject({ ok: true, created: 3 });
    const stored = await sys.db
      .withTables<{ enf_item: { code: string; discretion: unknown; discretion_text: string | null; tenant_id: string } }>()
      .selectFrom('enf_item')
      .select(['code', 'discretion', 'discretion_text'])
      .where('code', 'like', 'PROSE-%')
      .orderBy('code')
      .execute();
    expect(stored[0]!.discretion_text).toBe(items[1]![4]);
    expect((stored[0]!.discretion as Array<{ minFen: number; maxFen: number | null }>).map((l) => [l.minFen, l.maxFen])).toEqual([
      [0, 500000],
      [500000, 2000000],
      [2000000, 5000000],
    ]);
    expect((stored[1]!.discretion as Array<{ basis?: string }>).some((l) => l.basis === 'illegal_gains')).toBe(true);
    expect(stored[2]!.discretion).toEqual([]);

    const officers = await sys.db
      .withTables<{ enf_officer: { name: string; cert_no: string | null; cert_valid_until: string | null; tenant_id: string } }>()
      .selectFrom('enf_officer')
      .select(['name'])
      .where('cert_no', 'is not', null)
      .where('cert_valid_until', '>', '2023-12-31')
      .limit(2)
      .execute();
    const bureau = await sys.db.selectFrom('org').select('name').where('kind', '=', 'department').limit(1).executeTakeFirstOrThrow();
    const cases = [
      ['案件编号', '办案单位', '违法事项编码', '案由', '当事人类型', '当事人名称', '立案日期', '承办人'],
      ['外局〔2023〕P1号', bureau.name, 'PROSE-001', '未经批准占用河道', '法人', '某某建设有限公司', '2023-03-01', officers.map((o) => o.name).join('、')],
      ['外局〔2023〕P2号', bureau.name, 'PROSE-002', '擅自取水', '其他组织', '某某合作社', '2023/3/2', officers.map((o) => o.name).join('、')],
    ];
    const r2 = await importLedger(sys, ctx, sys.registry.ledgers.get('penalty-cases')!, {
      file: {
        data: Buffer.from(cases.map((r) => r.map(csvCell).join(',')).join('\n')),
        filename: '外局案件.csv',
      },
    });
    expect(r2.ok ? [] : formatLedgerErrors(r2.errors)).toEqual([]);
    expect(r2).toMatchObject({ ok: true, created: 2 });
  });
});

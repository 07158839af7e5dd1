import { beforeAll, describe, expect, it } from 'vitest';
import { messyLedgerFile } from '../../helpers/messyLedger.js';
import { importLedger, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { writeCsv, writeXlsx } from '../../../src/core/ledger/write.js';
import { serverSuite } from '../../helpers/server.js';

/** The 重大行政决策台账: one write path with the form; the bureau's own messy files. */
let def: LedgerDef<any>;

const HEADER =
  '年度,决策事项,目录事项,承办单位,是否需要公众参与,公众参与不适用理由,公众参与方式,征求意见开始日期,征求意见截止日期,公众参与完成日期,是否需要专家论证,专家论证不适用理由,专家论证日期,是否需要风险评估,风险评估不适用理由,风险评估日期,送审日期,审查意见日期,合法性审查意见,集体讨论日期,会议名称,决定结果';
/** A bureau's file: a merged title row, the header, the rows, and a note in prose under them. */
const csv = (...rows: string[]) =>
  Buffer.from(`天河区水务局2021年度重大行政决策台账,,,,\n${[HEADER, ...rows].join('\n')}\n注：本表由依法行政办公室每季度汇总。,,,\n`);
const importCsv = (data: Buffer, filename = 'f.csv') => importLedger(env.sys, env.ctx, def, { file: { data, filename } });
const total = async () => (await env.legal.req('GET', '/api/decisions?pageSize=1')).body.data.total;

const env = serverSuite({ legal: 'legal' });
beforeAll(async () => {
  def = env.sys.registry.ledgers.get('major-decisions')!;
});

describe('the major-decisions ledger', () => {
  it('changes nothing when its own export is imported again (CSV, Excel, and written as a bureau would)', async () => {
    const rows = await def.exportRows(env.ctx);
    expect(rows).toHaveLength(3);
    expect(await importCsv(writeCsv(def.spec, rows))).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    expect(await importCsv(Buffer.from(await writeXlsx(def.spec, rows)), 'f.xlsx')).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    const messy = await messyLedgerFile(def.spec, rows as Array<Record<string, unknown>>, { format: 'xlsx' });
    expect(await importCsv(Buffer.from(messy), 'f.xlsx')).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
  });

  it('takes a past decision with a short comment period and a short review as findings, skipping the title and note rows', async () => {
    const res = await importCsv(
      csv(
        // 20 days of public comment, no reason; submitted 2021-06-01, discussed 2021-06-04 (the term ends 2021-06-10).
        '2021,调整天河区河道管理范围,,河湖管理科,是,,向社会公开征求意见,2021-04-01,2021-04-21,2021-04-25,否,不属于专业性较强的事项,,否,不涉及社会稳定风险,,2021-06-01,2021-06-03,同意,2021-06-04,局长办公会议,同意',
        '2021,编制天河区节水规划,,河湖管理科,是,,座谈会,,,2021-05-10,是,,2021-05-20,否,规划环评已评估,,2021-07-01,,,,,',
      ),
    );
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.created).toBe(2);
    expect(res.findings.map((f) => [f.row, f.rule])).toEqual([
      [3, 'decisions.comment_period'],
      [3, 'decisions.review_time'],
    ]);
    const list = (await env.legal.req('GET', '/api/decisions?year=2021')).body.data.items;
    expect(list.map((d: any) => [d.title, d.status])).toEqual(
      expect.arrayContaining([
        ['调整天河区河道管理范围', 'made'],
        ['编制天河区节水规划', 'in_review'],
      ]),
    );
  });

  it('refuses a bad row naming its row and column, and writes nothing', async () => {
    const before = await total();
    const res = await importCsv(
      csv(
        '2021,甲事项,,河湖管理科,是,,,,,,否,,,否,不涉及,,,,,,,',
        '2021,乙事项,,不存在的科室,是,,,,,,否,不需要,,否,不涉及,,,,,,,',
        '2021,丙事项,不在目录的事项,河湖管理科,是,,,,,,否,不需要,,否,不涉及,,,,,,,',
      ),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['4:承办单位', '5:目录事项']);
    // Parsed cleanly, then refused by the form's own check: a step "否" without its reason.
    const r2 = await importCsv(csv('2021,甲事项,,河湖管理科,是,,,,,,否,,,否,不涉及,,,,,,,'));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:专家论证不适用理由']);
    expect(await total()).toBe(before);
  });

  it('refuses a decision recorded as made with a required step missing (第十九条), or without a passing review (第二十五条)', async () => {
    const before = await total();
    const missing = await importCsv(csv('2021,丁事项,,河湖管理科,否,不予公开事项,,,,,是,,,否,不涉及,,2021-06-01,2021-06-10,同意,2021-06-20,局长办公会议,同意'));
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors).toEqual([expect.objectContaining({ row: 3, column: '专家论证日期', message: expect.stringContaining('第十九条') })]);
    const refused = await importCsv(
      csv('2021,戊事项,,河湖管理科,否,不予公开事项,,,,,否,不需要,,否,不涉及,,2021-06-01,2021-06-10,不同意,2021-06-20,局长办公会议,同意'),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors).toEqual([expect.objectContaining({ row: 3, column: '合法性审查意见' })]);
    expect(await total()).toBe(before);
  });
});

import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { ADVICE_KINDS } from './schema.js';
import { saveAdvice } from './commands.js';
import { adviceForExport, adviceOnDates } from './repository.js';

/** 法律顾问工作台账 — LEDGERS.md `legal-advice`. Rows match on 日期 + 类型 + 事项名称. */
export const legalAdviceSpec = defineLedgerSpec({
  key: 'legal-advice',
  title: '法律顾问工作台账',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'kind', header: '类型', type: 'enum', required: true, enum: ADVICE_KINDS },
    { key: 'title', header: '事项名称', type: 'text', required: true, example: '某排水管网维护服务合同' },
    { key: 'firm', header: '顾问单位', type: 'text' },
    { key: 'handler', header: '承办人', type: 'text' },
  ],
});
type Row = RowOf<typeof legalAdviceSpec>;

const keyOf = (r: { date: string; kind: string; title: string }) => `${r.date}|${r.kind}|${r.title}`;

/** Rows are matched on 日期 + 类型 + 事项名称 and saved through `saveAdvice` (the form's path). */
export const legalAdviceLedger: LedgerDef<Row> = {
  spec: legalAdviceSpec,
  readPermission: 'legal.read',
  writePermission: 'legal.write',
  chunked: true,
  naturalKey: { header: '事项名称', of: keyOf, describe: (r, prev) => ({ message: `与第${prev}行的日期、类型、事项名称相同`, value: r.title }) },
  async commit(imp, rows) {
    const { ctx } = imp;
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const prev = seen.get(keyOf(value));
      if (prev) errors.push({ row: rowNumber, column: '事项名称', message: `与第${prev}行的日期、类型、事项名称相同`, value: value.title });
      seen.set(keyOf(value), rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const dates = [...new Set(rows.map((r) => r.value.date))];
    const known = new Map((await adviceOnDates(ctx.db, ctx.actor.tenantId, dates)).map((r) => [keyOf(r), r.id]));
    const r = await saveAdvice(
      imp.w,
      ctx.actor,
      rows.map(({ rowNumber, value }) => ({
        row: rowNumber,
        id: known.get(keyOf(value)),
        date: value.date,
        kind: value.kind,
        title: value.title,
        firm: value.firm ?? null,
        handler: value.handler ?? null,
      })),
      { mode: 'historical', imp },
    );
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  async exportRows(ctx) {
    const rows = await adviceForExport(ctx);
    return rows.map((r) => ({ date: r.date, kind: r.kind, title: r.title, firm: r.firm, handler: r.handler }));
  },
  undo: { table: 'legal_advice' },
};

import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { diffFields, type AuditInput } from '../../core/audit/audit.js';
import { withDataScope } from '../../core/scope.js';
import { ADVICE_KINDS, type LegalTables } from './schema.js';
import { covers } from './rules.js';

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

export const legalAdviceLedger: LedgerDef<Row> = {
  spec: legalAdviceSpec,
  readPermission: 'legal.read',
  writePermission: 'legal.write',
  async commit({ ctx, w }, rows) {
    const db = w.tx.withTables<LegalTables>();
    const existing = new Map((await db.selectFrom('legal_advice').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute()).map((r) => [keyOf(r), r]));
    const contracts = await db.selectFrom('legal_contract').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute();
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const prev = seen.get(keyOf(value));
      if (prev) errors.push({ row: rowNumber, column: '事项名称', message: `与第${prev}行的日期、类型、事项名称相同`, value: value.title });
      seen.set(keyOf(value), rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const orgId = ctx.actor.orgId ?? (await w.tx.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'bureau').executeTakeFirstOrThrow()).id;
    const events: AuditInput[] = [];
    let created = 0, updated = 0, unchanged = 0;
    const fresh: any[] = [];
    for (const { value } of rows) {
      const old = existing.get(keyOf(value));
      const contract = contracts.find((c) => covers({ startOn: c.start_on, endOn: c.end_on }, value.date));
      const next = { firm: value.firm ?? contract?.firm ?? null, handler: value.handler };
      if (!old) {
        fresh.push({ tenant_id: ctx.actor.tenantId, org_id: orgId, date: value.date, kind: value.kind, title: value.title, contract_id: contract?.id ?? null, ...next });
        continue;
      }
      const before = { firm: old.firm, handler: old.handler };
      if (!diffFields(before, next).length) {
        unchanged++;
        continue;
      }
      await db.updateTable('legal_advice').set({ ...next, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', old.id).execute();
      events.push({ entity: 'legal.advice', entityId: old.id, action: 'updated', orgId: old.org_id, before, after: next, note: { via: 'ledger:legal-advice' } });
      updated++;
    }
    for (let i = 0; i < fresh.length; i += 500) {
      const ins = await db.insertInto('legal_advice').values(fresh.slice(i, i + 500)).returningAll().execute();
      for (const r of ins) events.push({ entity: 'legal.advice', entityId: r.id, action: 'created', orgId: r.org_id, after: { date: r.date, kind: r.kind, title: r.title, firm: r.firm, handler: r.handler }, note: { via: 'ledger:legal-advice' } });
      created += ins.length;
    }
    await w.auditMany(events);
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    const rows = await ctx.db.withTables<LegalTables>().selectFrom('legal_advice').selectAll().$call(withDataScope(ctx.actor)).orderBy('date').orderBy('kind').orderBy('title').execute();
    return rows.map((r) => ({ date: r.date, kind: r.kind, title: r.title, firm: r.firm, handler: r.handler }));
  },
};

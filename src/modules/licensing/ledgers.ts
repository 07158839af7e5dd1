import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { diffFields, type AuditInput } from '../../core/audit/audit.js';
import { CalendarService } from '../../core/calendar/service.js';
import { recordDecision } from '../publicity/index.js';
import type { LicensingTables, PermitStatus } from './schema.js';
import { listItems, permitQuery } from './repository.js';
import { defaultOrg, ITEM_ENTITY, PERMIT_ENTITY, publicationInput } from './commands.js';
import { decisionDeadlines } from './rules.js';

/** 行政许可事项目录 — LEDGERS.md `permit-items`. */
export const permitItemsSpec = defineLedgerSpec({
  key: 'permit-items',
  title: '行政许可事项目录',
  columns: [
    { key: 'code', header: '事项编码', type: 'text', required: true, example: 'PS-001' },
    { key: 'name', header: '事项名称', type: 'text', required: true, example: '城镇污水排入排水管网许可' },
    { key: 'category', header: '类别', type: 'enum', required: true, enum: ['水利', '排水', '工程建设'] as const },
    { key: 'statutoryDays', header: '法定时限', type: 'int', required: true, note: '工作日', validate: (v: number) => (v < 1 ? '法定时限应为正整数（工作日）' : undefined) },
    { key: 'committedDays', header: '承诺时限', type: 'int', required: true, note: '工作日，不超过法定时限', validate: (v: number) => (v < 1 ? '承诺时限应为正整数（工作日）' : undefined) },
    { key: 'cloudWindow', header: '是否纳入政务云窗', type: 'bool' },
  ],
  checkRow: (r) => (r.committedDays > r.statutoryDays ? [{ key: 'committedDays', message: `承诺时限（${r.committedDays}）不能超过法定时限（${r.statutoryDays}）` }] : undefined),
});
type ItemRow = RowOf<typeof permitItemsSpec>;

/** 行政许可办件 — LEDGERS.md `permits`. */
export const permitsSpec = defineLedgerSpec({
  key: 'permits',
  title: '行政许可办件',
  columns: [
    { key: 'caseNo', header: '办件编号', type: 'text', required: true },
    { key: 'itemCode', header: '事项编码', type: 'text', required: true },
    { key: 'applicant', header: '申请人', type: 'text', required: true },
    { key: 'acceptedOn', header: '受理日期', type: 'date', required: true },
    { key: 'decidedOn', header: '办结日期', type: 'date' },
    { key: 'result', header: '办理结果', type: 'enum', enum: ['准予许可', '不予许可'] as const },
    { key: 'channel', header: '申请渠道', type: 'enum', enum: ['网上', '窗口'] as const },
    { key: 'visits', header: '跑动次数', type: 'int', validate: (v: number) => (v < 0 ? '跑动次数不能为负数' : undefined) },
    { key: 'publishedOn', header: '公示日期', type: 'date' },
  ],
  checkRow: (r) => {
    const out: Array<{ key: 'decidedOn' | 'result' | 'publishedOn'; message: string }> = [];
    if (r.decidedOn && r.decidedOn < r.acceptedOn) out.push({ key: 'decidedOn', message: '办结日期不能早于受理日期' });
    if (r.result && !r.decidedOn) out.push({ key: 'result', message: '填写办理结果时须填写办结日期' });
    if (r.decidedOn && !r.result) out.push({ key: 'result', message: '已办结的办件须填写办理结果' });
    if (r.publishedOn && r.result !== '准予许可') out.push({ key: 'publishedOn', message: '只有准予许可的决定需要公示' });
    if (r.publishedOn && r.decidedOn && r.publishedOn < r.decidedOn) out.push({ key: 'publishedOn', message: '公示日期不能早于办结日期' });
    return out;
  },
});
type PermitRow = RowOf<typeof permitsSpec>;

export const permitItemsLedger: LedgerDef<ItemRow> = {
  spec: permitItemsSpec,
  readPermission: 'licensing.read',
  writePermission: 'licensing.items.manage',
  async commit({ ctx, w }, rows) {
    const db = w.tx.withTables<LicensingTables>();
    const existing = new Map((await db.selectFrom('lic_item').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute()).map((r) => [r.code, r]));
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const prev = seen.get(value.code);
      if (prev) errors.push({ row: rowNumber, column: '事项编码', message: `与第${prev}行重复`, value: value.code });
      seen.set(value.code, rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const orgId = await defaultOrg({ ...ctx, db: w.tx });
    const events: AuditInput[] = [];
    let created = 0, updated = 0, unchanged = 0;
    for (const { value } of rows) {
      const next = { name: value.name, category: value.category, statutory_days: value.statutoryDays, committed_days: value.committedDays, cloud_window: !!value.cloudWindow };
      const old = existing.get(value.code);
      if (!old) {
        const r = await db.insertInto('lic_item').values({ tenant_id: ctx.actor.tenantId, org_id: orgId, code: value.code, ...next }).returning('id').executeTakeFirstOrThrow();
        events.push({ entity: ITEM_ENTITY, entityId: r.id, action: 'created', orgId, after: { code: value.code, ...next }, note: { via: 'ledger:permit-items' } });
        created++;
        continue;
      }
      const before = { name: old.name, category: old.category, statutory_days: old.statutory_days, committed_days: old.committed_days, cloud_window: old.cloud_window };
      if (!diffFields(before, next).length) {
        unchanged++;
        continue;
      }
      await db.updateTable('lic_item').set({ ...next, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', old.id).execute();
      events.push({ entity: ITEM_ENTITY, entityId: old.id, action: 'updated', orgId: old.org_id, before, after: next, note: { via: 'ledger:permit-items' } });
      updated++;
    }
    await w.auditMany(events);
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    return (await listItems(ctx)).map((i) => ({ code: i.code, name: i.name, category: i.category, statutoryDays: i.statutory_days, committedDays: i.committed_days, cloudWindow: i.cloud_window }));
  },
};

/**
 * The permits ledger. It needs the working-day calendar (deadlines, publication);
 * importRows receives no system, so it loads the calendar (with the override table)
 * from the import's transaction.
 */
export const permitsLedger: LedgerDef<PermitRow> = {
    spec: permitsSpec,
    readPermission: 'licensing.read',
    writePermission: 'licensing.write',
    async commit({ ctx, w }, rows) {
      const db = w.tx.withTables<LicensingTables>();
      const items = new Map((await db.selectFrom('lic_item').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute()).map((r) => [r.code, r]));
      const existing = new Map((await db.selectFrom('lic_permit').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute()).map((r) => [r.case_no, r]));
      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      for (const { rowNumber, value } of rows) {
        const prev = seen.get(value.caseNo);
        if (prev) errors.push({ row: rowNumber, column: '办件编号', message: `与第${prev}行重复`, value: value.caseNo });
        seen.set(value.caseNo, rowNumber);
        if (!items.has(value.itemCode)) errors.push({ row: rowNumber, column: '事项编码', message: `许可事项目录中没有编码“${value.itemCode}”，请先导入行政许可事项目录`, value: value.itemCode });
      }
      if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
      const calendar = new CalendarService(w.tx);
      await calendar.load();
      const events: AuditInput[] = [];
      const publish: Array<Parameters<typeof publicationInput>[0]> = [];
      let created = 0, updated = 0, unchanged = 0;
      for (const { value } of rows) {
        const item = items.get(value.itemCode)!;
        const d = decisionDeadlines({ start: value.acceptedOn, committedDays: item.committed_days, statutoryDays: item.statutory_days }, calendar.current);
        const status: PermitStatus = value.publishedOn ? 'published' : value.decidedOn ? 'decided' : 'accepted';
        const next = {
          item_id: item.id,
          applicant: value.applicant,
          received_on: value.acceptedOn,
          accepted_on: value.acceptedOn,
          clock_start_on: value.acceptedOn,
          due_on: d.committed.due,
          statutory_due_on: d.statutory.due,
          decided_on: value.decidedOn,
          result: value.result,
          channel: value.channel,
          visits: value.visits,
          published_on: value.publishedOn,
          status,
        };
        const old = existing.get(value.caseNo);
        let id: string;
        let orgId: string;
        let decisionNo: string | null;
        if (!old) {
          decisionNo = value.decidedOn ? value.caseNo : null;
          const r = await db.insertInto('lic_permit').values({ tenant_id: ctx.actor.tenantId, org_id: item.org_id, case_no: value.caseNo, decision_no: decisionNo, ...next }).returning('id').executeTakeFirstOrThrow();
          id = r.id;
          orgId = item.org_id;
          events.push({ entity: PERMIT_ENTITY, entityId: id, action: 'created', orgId, after: { case_no: value.caseNo, ...next }, note: { via: 'ledger:permits' } });
          created++;
        } else {
          const before = Object.fromEntries(Object.keys(next).map((k) => [k, (old as any)[k]]));
          if (!diffFields(before, next).length) {
            unchanged++;
            continue;
          }
          id = old.id;
          orgId = old.org_id;
          decisionNo = old.decision_no ?? (value.decidedOn ? value.caseNo : null);
          await db.updateTable('lic_permit').set({ ...next, decision_no: decisionNo, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).execute();
          events.push({ entity: PERMIT_ENTITY, entityId: id, action: 'updated', orgId, before, after: next, note: { via: 'ledger:permits' } });
          updated++;
        }
        if (value.result === '准予许可' && value.decidedOn)
          publish.push({ id, org_id: orgId, decision_no: decisionNo, decided_on: value.decidedOn, applicant: value.applicant, applicant_type: '法人', applicant_uscc: null, item_name: item.name, published_on: value.publishedOn });
      }
      await w.auditMany(events);
      for (const p of publish) await recordDecision(w, ctx.actor, calendar, publicationInput(p));
      return { created, updated, unchanged, errors: [] };
    },
    async exportRows(ctx) {
      const rows = await permitQuery(ctx.db, ctx).orderBy('p.received_on').orderBy('p.case_no').execute();
      return rows.map((r) => ({
        caseNo: r.case_no,
        itemCode: r.item_code,
        applicant: r.applicant,
        acceptedOn: r.accepted_on ?? r.received_on,
        decidedOn: r.decided_on,
        result: r.result,
        channel: r.channel,
        visits: r.visits,
        publishedOn: r.published_on,
      }));
    },
};

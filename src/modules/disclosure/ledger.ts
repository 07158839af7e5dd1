import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { withDataScope } from '../../core/scope.js';
import { bizDate, dateInstant, exportItems, importDemandRows } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from './rules.js';
import type { DisclosureTables } from './schema.js';

/** 依申请公开台账 — the `disclosure-requests` ledger of LEDGERS.md. 处理结果 takes the template's rows. */
export const requestsSpec = defineLedgerSpec({
  key: 'disclosure-requests',
  title: '依申请公开台账',
  columns: [
    { key: 'refNo', header: '申请编号', type: 'text', required: true, example: 'THSW-GK-2022-001' },
    { key: 'applicantType', header: '申请人类型', type: 'enum', required: true, enum: APPLICANT_TYPES },
    { key: 'channel', header: '申请方式', type: 'enum', required: true, enum: CHANNELS },
    { key: 'receivedOn', header: '收到日期', type: 'date', required: true },
    { key: 'extended', header: '是否延期', type: 'bool' },
    { key: 'repliedOn', header: '答复日期', type: 'date' },
    { key: 'outcome', header: '处理结果', type: 'enum', enum: OUTCOMES as readonly string[] },
  ],
  checkRow: (r) => {
    const out: Array<{ key: 'repliedOn' | 'outcome'; message: string }> = [];
    if (r.repliedOn && r.repliedOn < r.receivedOn) out.push({ key: 'repliedOn', message: '答复日期不能早于收到日期' });
    if (r.repliedOn && !r.outcome) out.push({ key: 'outcome', message: '已答复的申请应填写处理结果' });
    return out;
  },
});
export type RequestRow = RowOf<typeof requestsSpec>;

export const requestsLedger: LedgerDef<RequestRow> = {
  spec: requestsSpec,
  readPermission: 'disclosure.read',
  writePermission: 'disclosure.write',
  commit: ({ ctx, w }, rows) =>
    importDemandRows(ctx, w, disclosureKind, rows, {
      ledger: 'disclosure-requests',
      refHeader: '申请编号',
      orgHeader: '申请编号',
      refOf: (r) => r.refNo,
      orgNameOf: () => null,
      toItem: (r, orgId) => ({
        refNo: r.refNo,
        orgId,
        receivedAt: dateInstant(r.receivedOn)!,
        demandType: r.applicantType,
        channel: r.channel,
        // 是否延期: the ledger does not say by how much; recorded as the statutory 20 working days.
        extensions: r.extended ? [{ n: 20, approvedOn: r.receivedOn, approvedBy: '（台账导入）', reason: '台账记载已延期' }] : [],
        repliedAt: dateInstant(r.repliedOn),
        result: r.outcome,
        closedAt: dateInstant(r.repliedOn),
      }),
    }),
  async exportRows(ctx) {
    return (await exportItems(ctx, disclosureKind)).map((r) => ({
      refNo: r.ref_no,
      applicantType: r.demand_type as RequestRow['applicantType'],
      channel: r.channel as RequestRow['channel'],
      receivedOn: bizDate(r.received_at)!,
      extended: ((r.extensions as unknown[]) ?? []).length > 0,
      repliedOn: bizDate(r.replied_at),
      outcome: r.result,
    }));
  },
};

/** 主动公开 — the `proactive-disclosures` ledger of LEDGERS.md. */
export const proactiveSpec = defineLedgerSpec({
  key: 'proactive-disclosures',
  title: '主动公开',
  columns: [
    { key: 'date', header: '日期', type: 'date', required: true },
    { key: 'section', header: '栏目', type: 'text', required: true, example: '行政执法数据' },
    { key: 'title', header: '标题', type: 'text', required: true },
    { key: 'platform', header: '发布平台', type: 'text', example: '区政府门户网站' },
  ],
});
export type ProactiveRow = RowOf<typeof proactiveSpec>;

/** Rows match on 日期 + 栏目 + 标题; a known row's platform is updated (audited). */
export const proactiveLedger: LedgerDef<ProactiveRow> = {
  spec: proactiveSpec,
  readPermission: 'disclosure.read',
  writePermission: 'disclosure.write',
  async commit({ ctx, w }, rows) {
    const t = w.tx.withTables<DisclosureTables>();
    const bureau = await w.tx.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'bureau').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const existing = new Map((await t.selectFrom('disclosure_proactive').selectAll().where('tenant_id', '=', ctx.actor.tenantId).execute()).map((r) => [`${r.published_on}|${r.section}|${r.title}`, r]));
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const k = `${value.date}|${value.section}|${value.title}`;
      if (seen.has(k)) errors.push({ row: rowNumber, column: '标题', message: `与第${seen.get(k)}行重复`, value: value.title });
      seen.set(k, rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const fresh = rows.filter((r) => !existing.has(`${r.value.date}|${r.value.section}|${r.value.title}`));
    if (fresh.length) {
      const ins = await t
        .insertInto('disclosure_proactive')
        .values(fresh.map(({ value: v }) => ({ tenant_id: ctx.actor.tenantId, org_id: bureau.id, published_on: v.date, section: v.section, title: v.title, platform: v.platform })))
        .returning(['id', 'published_on', 'section', 'title', 'platform'])
        .execute();
      await w.auditMany(ins.map((r) => ({ entity: 'disclosure.proactive', entityId: r.id, action: 'imported', orgId: bureau.id, after: { published_on: r.published_on, section: r.section, title: r.title, platform: r.platform }, note: { via: 'ledger:proactive-disclosures' } })));
      created = ins.length;
    }
    for (const { value: v } of rows) {
      const old = existing.get(`${v.date}|${v.section}|${v.title}`);
      if (!old) continue;
      if ((old.platform ?? null) === (v.platform ?? null)) {
        unchanged++;
        continue;
      }
      await t.updateTable('disclosure_proactive').set({ platform: v.platform, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', old.id).execute();
      await w.audit({ entity: 'disclosure.proactive', entityId: old.id, action: 'updated', orgId: old.org_id, before: { platform: old.platform }, after: { platform: v.platform }, note: { via: 'ledger:proactive-disclosures' } });
      updated++;
    }
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    const rows = await ctx.db.withTables<DisclosureTables>().selectFrom('disclosure_proactive').selectAll().$call(withDataScope(ctx.actor)).orderBy('published_on').orderBy('title').execute();
    return rows.map((r) => ({ date: r.published_on, section: r.section, title: r.title, platform: r.platform }));
  },
};

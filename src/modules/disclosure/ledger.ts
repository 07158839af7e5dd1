import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { bizDate, dateInstant, exportItems, importDemandRows, demandUndo } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { APPLICANT_TYPES, CHANNELS, OUTCOMES } from './rules.js';
import { proactiveForExport } from './repository.js';
import { saveProactive } from './commands.js';

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
  undo: demandUndo,
  chunked: true,
  naturalKey: { header: '申请编号', of: (r) => r.refNo },
  commit: (imp, rows) =>
    importDemandRows(imp, disclosureKind, rows, {
      headers: { repliedAt: '答复日期' },
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

/** Rows match on 日期 + 栏目 + 标题 (through {@link saveProactive}); a known row's platform is updated. */
export const proactiveLedger: LedgerDef<ProactiveRow> = {
  spec: proactiveSpec,
  readPermission: 'disclosure.read',
  writePermission: 'disclosure.write',
  undo: { table: 'disclosure_proactive' },
  async commit(imp, rows) {
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const k = `${value.date}|${value.section}|${value.title}`;
      if (seen.has(k)) errors.push({ row: rowNumber, column: '标题', message: `与第${seen.get(k)}行重复`, value: value.title });
      seen.set(k, rowNumber);
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const saved = await saveProactive(
      imp.w,
      imp.ctx.actor,
      rows.map((r) => ({ ...r.value, row: r.rowNumber })),
      { mode: 'historical', imp },
    );
    const n = (a: string) => saved.filter((s) => s.action === a).length;
    return { created: n('created'), updated: n('updated'), unchanged: n('unchanged'), errors: [] };
  },
  async exportRows(ctx) {
    const rows = await proactiveForExport(ctx);
    return rows.map((r) => ({ date: r.published_on, section: r.section, title: r.title, platform: r.platform }));
  },
};

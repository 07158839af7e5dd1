import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { itemIdsByCode, listItems, type PermitFilter, permitsByCaseNo, permitsForExport } from './repository.js';
import { removePublications, saveItems, savePermits, type PermitInput } from './commands.js';

/** 行政许可事项目录 — LEDGERS.md `permit-items`. */
export const permitItemsSpec = defineLedgerSpec({
  key: 'permit-items',
  title: '行政许可事项目录',
  columns: [
    { key: 'code', header: '事项编码', type: 'text', required: true, example: 'PS-001' },
    { key: 'name', header: '事项名称', type: 'text', required: true, example: '城镇污水排入排水管网许可' },
    { key: 'category', header: '类别', type: 'enum', required: true, enum: ['水利', '排水', '工程建设'] as const },
    {
      key: 'statutoryDays',
      header: '法定时限',
      type: 'int',
      required: true,
      note: '工作日',
      validate: (v: number) => (v < 1 ? '法定时限应为正整数（工作日）' : undefined),
    },
    {
      key: 'committedDays',
      header: '承诺时限',
      type: 'int',
      required: true,
      note: '工作日，不超过法定时限',
      validate: (v: number) => (v < 1 ? '承诺时限应为正整数（工作日）' : undefined),
    },
    { key: 'cloudWindow', header: '是否纳入政务云窗', type: 'bool' },
  ],
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
    { key: 'visits', header: '跑动次数', type: 'int', validate: (v: number) => (v < 0 || v > 20 ? '跑动次数应为0至20的整数' : undefined) },
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
  /** Matched on 事项编码; new codes are added, known ones changed — through `saveItems`. */
  async commit(imp, rows) {
    const { ctx } = imp;
    const codes = rows.map((r) => r.value.code);
    const known = new Map((await itemIdsByCode(ctx.db, ctx.actor.tenantId, codes)).map((r) => [r.code, r.id]));
    const r = await saveItems(
      imp.w,
      ctx.actor,
      rows.map(({ rowNumber, value }) => ({
        row: rowNumber,
        id: known.get(value.code),
        code: value.code,
        name: value.name,
        category: value.category,
        statutoryDays: value.statutoryDays,
        committedDays: value.committedDays,
        cloudWindow: !!value.cloudWindow,
      })),
      { mode: 'historical', imp },
    );
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  async exportRows(ctx) {
    return (await listItems(ctx)).map((i) => ({
      code: i.code,
      name: i.name,
      category: i.category,
      statutoryDays: i.statutory_days,
      committedDays: i.committed_days,
      cloudWindow: i.cloud_window,
    }));
  },
  undo: { table: 'lic_item' },
};

/**
 * The permits ledger: matched on 办件编号; each row goes through `savePermits` (the
 * form's 收件登记 path) — deadlines tracked, grants recorded for 双公示, a late decision
 * or publication reported as a finding.
 */
export const permitsLedger: LedgerDef<PermitRow> = {
  spec: permitsSpec,
  readPermission: 'licensing.read',
  writePermission: 'licensing.write',
  chunked: true,
  naturalKey: { header: '办件编号', of: (r) => r.caseNo.trim(), describe: (r, prev) => ({ message: `办件编号“${r.caseNo.trim()}”与第${prev}行重复` }) },
  async commit(imp, rows) {
    const { ctx } = imp;
    const codes = [...new Set(rows.map((r) => r.value.itemCode))];
    const caseNos = rows.map((r) => r.value.caseNo);
    const items = new Map((await itemIdsByCode(ctx.db, ctx.actor.tenantId, codes)).map((r) => [r.code, r.id]));
    const existing = new Map((await permitsByCaseNo(ctx.db, ctx.actor.tenantId, caseNos)).map((r) => [r.case_no, r]));
    const errors: RowError[] = [];
    const inputs: PermitInput[] = [];
    for (const { rowNumber, value } of rows) {
      const itemId = items.get(value.itemCode);
      if (!itemId) {
        errors.push({
          row: rowNumber,
          column: '事项编码',
          message: `许可事项目录中没有编码“${value.itemCode}”，请先导入行政许可事项目录`,
          value: value.itemCode,
        });
        continue;
      }
      const old = existing.get(value.caseNo);
      // The ledger has no 收件日期: a new case was received on its 受理日期; a known one keeps its own.
      // A known case never accepted is exported with its 收件日期 as 受理日期: that is no acceptance.
      const acceptedOn = old && !old.accepted_on && value.acceptedOn === old.received_on && !value.decidedOn ? null : value.acceptedOn;
      inputs.push({
        row: rowNumber,
        id: old?.id,
        caseNo: value.caseNo,
        itemId,
        applicant: value.applicant,
        channel: value.channel ?? null,
        visits: value.visits ?? null,
        receivedOn: old ? old.received_on : value.acceptedOn,
        acceptedOn,
        decidedOn: value.decidedOn ?? null,
        result: value.result ?? null,
        publishedOn: value.publishedOn ?? null,
      });
    }
    const r = await savePermits(imp.w, ctx.actor, inputs, { calendar: imp.calendar, origin: { mode: 'historical', imp } });
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: [...errors, ...r.errors] };
  },
  // `filter`: the permit list's filters (its export: exactly the list's rows, in its order); absent: every case in scope.
  async exportRows(ctx, filter) {
    const rows = await permitsForExport(ctx, filter as PermitFilter | undefined);
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
  /** An imported grant was recorded for 双公示: its register entry goes with it. */
  undo: { table: 'lic_permit', beforeDelete: (w, ctx, ids) => removePublications(w, ctx.actor.tenantId, ids) },
};

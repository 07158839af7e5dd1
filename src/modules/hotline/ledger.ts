import type { LedgerDef } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { dateTimeInstant, exportItems, importDemandRows, demandUndo, ledgerDateTime } from '../demands/index.js';
import { hotlineKind } from './kind.js';
import { HOTLINE_TYPES, SATISFACTION } from './rules.js';

/** 12345工单台账 — the `hotline-orders` ledger of LEDGERS.md. */
export const hotlineOrdersSpec = defineLedgerSpec({
  key: 'hotline-orders',
  title: '12345工单台账',
  columns: [
    { key: 'orderNo', header: '工单编号', type: 'text', required: true, example: 'GZ12345202203010001' },
    { key: 'receivedAt', header: '受理时间', type: 'datetime', required: true, example: '2022-03-01 09:30' },
    { key: 'demandType', header: '诉求类型', type: 'enum', enum: HOTLINE_TYPES },
    { key: 'content', header: '诉求内容', type: 'text' },
    { key: 'unit', header: '承办单位', type: 'text', required: true, example: '排水管理科' },
    {
      key: 'timeLimit',
      header: '办理时限',
      type: 'int',
      required: true,
      note: '工作日',
      validate: (v: number) => (v < 1 || v > 60 ? '办理时限应为1至60个工作日' : undefined),
    },
    { key: 'closedAt', header: '办结时间', type: 'datetime' },
    { key: 'repliedAt', header: '回复时间', type: 'datetime' },
    { key: 'satisfaction', header: '满意度', type: 'enum', enum: SATISFACTION },
  ],
  checkRow: (r) => {
    const out: Array<{ key: 'closedAt' | 'repliedAt'; message: string }> = [];
    if (r.closedAt && r.closedAt < r.receivedAt) out.push({ key: 'closedAt', message: '办结时间不能早于受理时间' });
    if (r.repliedAt && r.repliedAt < r.receivedAt) out.push({ key: 'repliedAt', message: '回复时间不能早于受理时间' });
    return out;
  },
});

export type HotlineOrderRow = RowOf<typeof hotlineOrdersSpec>;

/** Import matches rows on 工单编号; export lists the orders in the actor's scope (no caller data: the ledger has none). */
export const hotlineOrdersLedger: LedgerDef<HotlineOrderRow> = {
  spec: hotlineOrdersSpec,
  readPermission: 'hotline.read',
  writePermission: 'hotline.write',
  undo: demandUndo,
  chunked: true,
  naturalKey: { header: '工单编号', of: (r) => r.orderNo },
  commit: (imp, rows) =>
    importDemandRows(imp, hotlineKind, rows, {
      headers: { closedAt: '办结时间', repliedAt: '回复时间' },
      refHeader: '工单编号',
      orgHeader: '承办单位',
      refOf: (r) => r.orderNo,
      orgNameOf: (r) => r.unit,
      toItem: (r, orgId) => ({
        refNo: r.orderNo,
        orgId,
        receivedAt: dateTimeInstant(r.receivedAt)!,
        demandType: r.demandType,
        content: r.content ?? '',
        timeLimit: r.timeLimit,
        // 签收 time: not in the ledger (a new closed order counts as signed on intake).
        repliedAt: dateTimeInstant(r.repliedAt),
        closedAt: dateTimeInstant(r.closedAt),
        satisfaction: r.satisfaction,
      }),
    }),
  async exportRows(ctx, filter) {
    return (await exportItems(ctx, hotlineKind, filter)).map((r) => ({
      orderNo: r.ref_no,
      receivedAt: ledgerDateTime(r.received_at)!,
      demandType: r.demand_type as HotlineOrderRow['demandType'],
      content: r.content || null,
      unit: r.org_name,
      timeLimit: (r.rule as { n: number }).n,
      closedAt: ledgerDateTime(r.closed_at),
      repliedAt: ledgerDateTime(r.replied_at),
      satisfaction: r.satisfaction as HotlineOrderRow['satisfaction'],
    }));
  },
};

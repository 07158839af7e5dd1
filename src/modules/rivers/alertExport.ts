/**
 * The alert list's export (黑臭预警 have no ledger in LEDGERS.md): the columns the list shows, under
 * their Chinese titles, one row per alert of the filtered list, in its order.
 */
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import type { AlertView } from './schemas.js';

export const alertListSpec = defineLedgerSpec({
  key: 'river-alerts',
  title: '黑臭预警',
  columns: [
    { key: 'raisedOn', header: '预警日期', type: 'date', required: true },
    { key: 'river', header: '河涌', type: 'text', required: true },
    { key: 'owner', header: '责任单位', type: 'text', required: true },
    { key: 'grade', header: '分级', type: 'text', required: true },
    { key: 'message', header: '预警内容', type: 'text', required: true },
    { key: 'status', header: '状态', type: 'text', required: true },
    { key: 'handledOn', header: '处置日期', type: 'date' },
    { key: 'handledBy', header: '处置人', type: 'text' },
    { key: 'handledNote', header: '处置情况', type: 'text' },
  ],
} as const);
export type AlertListRow = RowOf<typeof alertListSpec>;

/** A presented alert as a row of the list's export. */
export function alertListRow(a: AlertView): AlertListRow {
  return {
    raisedOn: a.raisedOn,
    river: a.river,
    owner: a.owner,
    grade: a.gradeLabel,
    message: a.message,
    status: a.status === 'open' ? '待处置' : '已处置',
    handledOn: a.handledOn,
    handledBy: a.handledBy,
    handledNote: a.handledNote,
  };
}

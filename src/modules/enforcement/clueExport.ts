/**
 * The clue list's export (案件线索 have no ledger in LEDGERS.md): the columns the list shows, under
 * their Chinese titles, one row per clue of the filtered list, in its order.
 */
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import type { presentClue } from './presenters.js';

export const clueListSpec = defineLedgerSpec({
  key: 'enforcement-clues',
  title: '案件线索',
  columns: [
    { key: 'clueNo', header: '线索编号', type: 'text', required: true },
    { key: 'receivedOn', header: '收到日期', type: 'date', required: true },
    { key: 'source', header: '来源', type: 'text', required: true },
    { key: 'sourceRef', header: '来源编号', type: 'text' },
    { key: 'summary', header: '内容', type: 'text', required: true },
    { key: 'location', header: '地点', type: 'text' },
    { key: 'partyName', header: '涉嫌当事人', type: 'text' },
    { key: 'limitationLastDay', header: '追责时效届满日', type: 'date' },
    { key: 'org', header: '办理单位', type: 'text', required: true },
    { key: 'status', header: '状态', type: 'text', required: true },
    { key: 'transferDueOn', header: '反馈期限', type: 'date' },
  ],
} as const);
export type ClueListRow = RowOf<typeof clueListSpec>;

/** A presented clue as a row of the list's export. */
export function clueListRow(c: ReturnType<typeof presentClue>): ClueListRow {
  return {
    clueNo: c.clueNo,
    receivedOn: c.receivedOn,
    source: c.source,
    sourceRef: c.sourceRef,
    summary: c.summary,
    location: c.location,
    partyName: c.partyName,
    limitationLastDay: c.limitation?.lastDay ?? null,
    org: c.orgName ?? '',
    status: c.statusLabel,
    transferDueOn: c.transferDueOn,
  };
}

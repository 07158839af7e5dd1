import type { LedgerDef } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { bizDate, dateInstant, exportItems, importDemandRows, demandUndo } from '../demands/index.js';
import { proposalKind } from './kind.js';
import { CATEGORIES, REPLY_RULE, RESULTS, ROLES } from './rules.js';
import { computeDeadline, createCalendar } from '../../core/calendar/index.js';

const statutoryCalendar = createCalendar({});
/** A 办理期限 cell that only repeats the statutory 3 months is not a hand-set due date. */
const handSetDueOn = (assignedOn: string, dueOn: string | null) =>
  dueOn && dueOn !== computeDeadline({ rule: REPLY_RULE, start: assignedOn }, statutoryCalendar).due ? dueOn : undefined;

/** 人大建议政协提案 — the `proposals` ledger of LEDGERS.md. */
export const proposalsSpec = defineLedgerSpec({
  key: 'proposals',
  title: '人大建议政协提案',
  columns: [
    { key: 'refNo', header: '编号', type: 'text', required: true, example: '区人大〔2022〕第15号' },
    { key: 'category', header: '类别', type: 'enum', required: true, enum: CATEGORIES },
    { key: 'title', header: '标题', type: 'text', required: true },
    { key: 'deputies', header: '代表委员', type: 'text' },
    { key: 'role', header: '办理方式', type: 'enum', required: true, enum: ROLES },
    { key: 'assignedOn', header: '交办日期', type: 'date', required: true },
    { key: 'dueOn', header: '办理期限', type: 'date', note: '空白按交办日期后3个月' },
    { key: 'repliedOn', header: '答复日期', type: 'date' },
    { key: 'result', header: '办理结果', type: 'enum', enum: RESULTS },
    { key: 'topic', header: '问题类型', type: 'text' },
  ],
  checkRow: (r) => {
    const out: Array<{ key: 'dueOn' | 'repliedOn'; message: string }> = [];
    if (r.dueOn && r.dueOn < r.assignedOn) out.push({ key: 'dueOn', message: '办理期限不能早于交办日期' });
    if (r.repliedOn && r.repliedOn < r.assignedOn) out.push({ key: 'repliedOn', message: '答复日期不能早于交办日期' });
    return out;
  },
});

export type ProposalRow = RowOf<typeof proposalsSpec>;

export const proposalsLedger: LedgerDef<ProposalRow> = {
  spec: proposalsSpec,
  readPermission: 'proposals.read',
  writePermission: 'proposals.write',
  undo: demandUndo,
  chunked: true,
  naturalKey: { header: '编号', of: (r) => r.refNo },
  commit: (imp, rows) =>
    importDemandRows(imp, proposalKind, rows, {
      headers: { repliedAt: '答复日期' },
      refHeader: '编号',
      orgHeader: '编号',
      refOf: (r) => r.refNo,
      orgNameOf: () => null,
      toItem: (r, orgId) => ({
        refNo: r.refNo,
        orgId,
        receivedAt: dateInstant(r.assignedOn)!,
        demandType: r.category,
        channel: r.role,
        title: r.title,
        personName: r.deputies,
        repliedAt: dateInstant(r.repliedOn),
        result: r.result,
        closedAt: dateInstant(r.repliedOn),
        attrs: {
          ...(handSetDueOn(r.assignedOn, r.dueOn) ? { dueOn: r.dueOn } : {}),
          topics: r.topic
            ? r.topic
                .split(/[、,，]/)
                .map((s) => s.trim())
                .filter(Boolean)
            : [],
        },
      }),
    }),
  async exportRows(ctx, filter) {
    return (await exportItems(ctx, proposalKind, filter)).map((r) => {
      const a = r.attrs as { dueOn?: string | null; topics?: string[] };
      return {
        refNo: r.ref_no,
        category: r.demand_type as ProposalRow['category'],
        title: r.title,
        deputies: r.person_name,
        role: r.channel as ProposalRow['role'],
        assignedOn: bizDate(r.received_at)!,
        dueOn: a.dueOn ?? r.due_on,
        repliedOn: bizDate(r.replied_at),
        result: r.result as ProposalRow['result'],
        topic: a.topics?.length ? a.topics.join('、') : null,
      };
    });
  },
};

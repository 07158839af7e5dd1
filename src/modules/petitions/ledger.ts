import type { LedgerDef } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { bizDate, dateInstant, exportItems, importDemandRows, demandUndo } from '../demands/index.js';
import { petitionKind } from './kind.js';
import { PETITION_FORMS, SATISFACTION } from './rules.js';

/** 信访台账 — the `petitions` ledger of LEDGERS.md. Petitions without a unit column belong to the bureau. */
export const petitionsSpec = defineLedgerSpec({
  key: 'petitions',
  title: '信访台账',
  columns: [
    { key: 'refNo', header: '信访编号', type: 'text', required: true, example: 'TH-XF-2022-0001' },
    { key: 'form', header: '信访形式', type: 'enum', required: true, enum: PETITION_FORMS },
    { key: 'registeredOn', header: '登记日期', type: 'date', required: true },
    { key: 'acceptedOn', header: '受理日期', type: 'date' },
    { key: 'closedOn', header: '办结日期', type: 'date' },
    { key: 'category', header: '事项类别', type: 'text' },
    { key: 'repeat', header: '是否重复信访', type: 'bool' },
    { key: 'overLevel', header: '是否越级信访', type: 'bool' },
    { key: 'group', header: '是否集体访', type: 'bool' },
    { key: 'satisfaction', header: '满意度', type: 'enum', enum: SATISFACTION },
  ],
  checkRow: (r) => {
    const out: Array<{ key: 'acceptedOn' | 'closedOn'; message: string }> = [];
    if (r.acceptedOn && r.acceptedOn < r.registeredOn) out.push({ key: 'acceptedOn', message: '受理日期不能早于登记日期' });
    if (r.closedOn && r.closedOn < (r.acceptedOn ?? r.registeredOn)) out.push({ key: 'closedOn', message: '办结日期不能早于受理日期' });
    if (r.closedOn && !r.acceptedOn) out.push({ key: 'acceptedOn', message: '已办结的信访件应填写受理日期' });
    return out;
  },
});

export type PetitionRow = RowOf<typeof petitionsSpec>;

export const petitionsLedger: LedgerDef<PetitionRow> = {
  spec: petitionsSpec,
  readPermission: 'petitions.read',
  writePermission: 'petitions.write',
  undo: demandUndo,
  chunked: true,
  naturalKey: { header: '信访编号', of: (r) => r.refNo },
  commit: (imp, rows) =>
    importDemandRows(imp, petitionKind, rows, {
      headers: { closedAt: '办结日期' },
      refHeader: '信访编号',
      orgHeader: '信访编号',
      refOf: (r) => r.refNo,
      orgNameOf: () => null,
      toItem: (r, orgId) => ({
        refNo: r.refNo,
        orgId,
        receivedAt: dateInstant(r.registeredOn)!,
        channel: r.form,
        demandType: r.category,
        newTitle: r.category ?? '',
        firstDoneAt: dateInstant(r.acceptedOn),
        clockStart: r.acceptedOn,
        repliedAt: dateInstant(r.closedOn),
        closedAt: dateInstant(r.closedOn),
        satisfaction: r.satisfaction,
        attrs: { repeat: r.repeat ?? false, overLevel: r.overLevel ?? false, group: r.group ?? false },
      }),
    }),
  async exportRows(ctx, filter) {
    return (await exportItems(ctx, petitionKind, filter)).map((r) => {
      const a = r.attrs as Record<string, unknown>;
      return {
        refNo: r.ref_no,
        form: r.channel as PetitionRow['form'],
        registeredOn: bizDate(r.received_at)!,
        acceptedOn: bizDate(r.first_done_at),
        closedOn: bizDate(r.closed_at),
        category: r.demand_type,
        repeat: !!a.repeat,
        overLevel: !!a.overLevel,
        group: !!a.group,
        satisfaction: r.satisfaction as PetitionRow['satisfaction'],
      };
    });
  },
};

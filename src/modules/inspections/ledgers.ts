import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { orgColumn } from '../../core/orgs.js';
import { RECORD_COLUMNS as H, type RecordSave, saveRecords } from './records.js';
import { type RecordFilter, recordsForExport } from './repository.js';
import { FOLLOW_UPS, RECORD_KINDS } from './rules.js';
import type { RecordInspector } from './schema.js';

/**
 * 行政检查台账 — one row per inspection (检查编号), the bureau's column names (`RECORD_COLUMNS`, which
 * the form's errors name too). The 双随机 results are exported with the rest; the ledger does not
 * change them (their task does).
 */
export const inspectionRecordsSpec = defineLedgerSpec({
  key: 'inspection-records',
  title: '行政检查台账',
  columns: [
    { key: 'recordNo', header: H.recordNo!, type: 'text', note: '留空自动编号（年度-JC-序号）；已登记的编号更新该记录', example: '2022-JC-0001' },
    { key: 'inspectedOn', header: H.inspectedOn!, type: 'date', required: true },
    { key: 'entityName', header: H.entityName!, type: 'text', required: true, example: '广州市天河区某餐饮管理有限公司' },
    { key: 'entityUscc', header: H.entityUscc!, type: 'uscc', note: '企业填写；名录中没有的对象按名称和代码新增' },
    { key: 'kind', header: H.kind!, type: 'enum', required: true, enum: RECORD_KINDS },
    { key: 'enterprise', header: H.enterprise!, type: 'bool', note: '留空：有统一社会信用代码的视为入企检查' },
    { key: 'basis', header: H.basis!, type: 'text', required: true, note: '随机抽查事项清单或执法事项目录中的事项名称' },
    { key: 'inspectors', header: H.inspectorNames!, type: 'list', required: true, note: '执法人员姓名，至少2名，用顿号分隔' },
    { key: 'offPlanReason', header: H.offPlanReason!, type: 'text' },
    { key: 'findings', header: H.findings!, type: 'text' },
    { key: 'followUp', header: H.followUp!, type: 'enum', required: true, enum: FOLLOW_UPS },
    { key: 'rectifyDueOn', header: H.rectifyDueOn!, type: 'date', note: '责令整改的必填' },
    { key: 'rectifiedOn', header: H.rectifiedOn!, type: 'date' },
    { key: 'followRef', header: H.followRef!, type: 'text', note: '移送线索的线索编号或立案的案号' },
    { key: 'closedOn', header: H.closedOn!, type: 'date' },
    { key: 'org', header: H.orgId!, type: 'text', note: '本局单位名称；留空为导入人所在单位' },
  ],
  checkRow(r) {
    const out: Array<{ key?: 'rectifyDueOn' | 'rectifiedOn'; message: string }> = [];
    // A 双随机 result records no deadline (its task's result has none).
    if (r.followUp === '责令整改' && !r.rectifyDueOn && r.kind !== '双随机') out.push({ key: 'rectifyDueOn', message: '责令整改的，应填写整改期限' });
    if (r.rectifiedOn && r.followUp !== '责令整改') out.push({ key: 'rectifiedOn', message: '只有责令整改的填写整改完成日期' });
    return out;
  },
});
type Row = RowOf<typeof inspectionRecordsSpec>;
let unnumbered = 0;

/**
 * Rows are matched on 检查编号 and saved through `saveRecords` (the form's path) in historical mode:
 * an off-plan 入企 inspection without a reason, inspectors without valid certificates on the day and
 * an enterprise inspected beyond the unit's yearly cap are findings; an unknown basis, officer, unit
 * or a bad value a row error naming the column.
 */
export const inspectionRecordsLedger: LedgerDef<Row> = {
  spec: inspectionRecordsSpec,
  readPermission: 'inspections.read',
  writePermission: 'inspections.write',
  // A row without 检查编号 is numbered on save: it never repeats another.
  naturalKey: { header: H.recordNo!, of: (r) => (r.recordNo ?? '').trim() || `\u0000${++unnumbered}` },
  async commit(imp, rows) {
    const { ctx } = imp;
    const errors: RowError[] = [];
    const orgIdOf = await orgColumn(ctx.db, ctx.actor.tenantId, H.orgId!, errors);
    const inputs: RecordSave[] = [];
    for (const { rowNumber, value: v } of rows) {
      const orgId = orgIdOf(rowNumber, v.org);
      if (orgId === undefined) continue;
      inputs.push({
        row: rowNumber,
        recordNo: v.recordNo,
        inspectedOn: v.inspectedOn,
        entityName: v.entityName,
        entityUscc: v.entityUscc,
        kind: v.kind,
        enterprise: v.enterprise ?? undefined,
        basis: v.basis,
        inspectorNames: v.inspectors,
        offPlanReason: v.offPlanReason,
        findings: v.findings,
        followUp: v.followUp,
        rectifyDueOn: v.rectifyDueOn,
        rectifiedOn: v.rectifiedOn,
        followRef: v.followRef,
        closedOn: v.closedOn,
        orgId,
      });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const r = await saveRecords({ calendar: imp.calendar }, imp.w, inputs, { mode: 'historical', imp });
    return { created: r.created, updated: r.updated, unchanged: r.unchanged, errors: r.errors };
  },
  // `filter`: the record list's filters (its export: exactly the list's rows, in its order); absent: every record in scope.
  async exportRows(ctx, filter) {
    const rows = await recordsForExport(ctx, filter as RecordFilter | undefined);
    return rows.map((r) => {
      const ins: RecordInspector[] = typeof r.inspectors === 'string' ? JSON.parse(r.inspectors) : (r.inspectors as RecordInspector[]);
      return {
        recordNo: r.record_no,
        inspectedOn: r.inspected_on,
        entityName: r.entity_name,
        entityUscc: r.entity_uscc,
        kind: r.kind,
        enterprise: r.enterprise,
        basis: r.basis,
        inspectors: ins.map((i) => i.name),
        offPlanReason: r.off_plan_reason,
        findings: r.findings,
        followUp: r.follow_up,
        rectifyDueOn: r.rectify_due_on,
        rectifiedOn: r.rectified_on,
        followRef: r.follow_ref,
        closedOn: r.closed_on,
        org: r.org_name,
      };
    });
  },
  undo: { table: 'insp_record' },
};

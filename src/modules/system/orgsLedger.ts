import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import type { OrgKind } from '../../core/db/types.js';
import { diffFields } from '../../core/audit/audit.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import { auditView, listOrgs, ORG_KIND_LABELS } from '../../core/orgs.js';

const KIND_BY_LABEL: Record<string, OrgKind> = { 局: 'bureau', 科室: 'department', 街道: 'street', 其他: 'other' };

/** 单位 — the `orgs` ledger of LEDGERS.md. */
export const orgsSpec = defineLedgerSpec({
  key: 'orgs',
  title: '单位',
  columns: [
    { key: 'name', header: '单位名称', type: 'text', required: true, example: '五山街道' },
    { key: 'kind', header: '单位类型', type: 'enum', required: true, enum: ['局', '科室', '街道', '其他'] as const, example: '街道' },
    { key: 'parent', header: '上级单位', type: 'text', example: '广州市天河区水务局' },
    { key: 'uscc', header: '统一社会信用代码', type: 'uscc' },
    { key: 'divisionCode', header: '行政区划代码', type: 'text', validate: (v: unknown) => (v && !/^\d{6}(\d{3})?(\d{3})?$/.test(String(v)) ? '行政区划代码应为6、9或12位数字' : undefined) },
  ],
} as const);

type OrgRow = RowOf<typeof orgsSpec>;

/**
 * Import: rows are matched by 单位名称; new names create orgs, known ones update
 * type, parent and codes (audited field by field). 上级单位 may name a row of the
 * same file or an existing org. The tenant's bureau (局 with no parent) cannot be re-parented.
 */
export const orgsLedger: LedgerDef<OrgRow> = {
  spec: orgsSpec,
  readPermission: 'system.orgs.read',
  writePermission: 'system.orgs.manage',
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const existing = new Map((await w.tx.selectFrom('org').selectAll().where('tenant_id', '=', tenantId).execute()).map((o) => [o.name, o]));
    const errors: RowError[] = [];
    const inFile = new Map<string, number>();
    for (const { rowNumber, value } of rows) {
      const prev = inFile.get(value.name);
      if (prev) errors.push({ row: rowNumber, column: '单位名称', message: `与第${prev}行重复`, value: value.name });
      inFile.set(value.name, rowNumber);
      if (value.parent && value.parent === value.name) errors.push({ row: rowNumber, column: '上级单位', message: '上级单位不能是自身', value: value.parent });
      else if (value.parent && !inFile.has(value.parent) && !existing.has(value.parent) && !rows.some((r) => r.value.name === value.parent)) {
        errors.push({ row: rowNumber, column: '上级单位', message: `上级单位“${value.parent}”既不在本文件中，也不是已有单位`, value: value.parent });
      }
      if (value.kind === '局' && !value.parent && existing.size && ![...existing.values()].some((o) => o.kind === 'bureau' && o.name === value.name)) {
        errors.push({ row: rowNumber, column: '单位类型', message: '本局已存在，不能再导入另一个没有上级单位的“局”', value: value.kind });
      }
      if (value.uscc && !isValidUscc(value.uscc)) errors.push({ row: rowNumber, column: '统一社会信用代码', message: '校验位错误', value: value.uscc });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    // Two passes: create or update every org, then link parents (a parent may come later in the file).
    const ids = new Map([...existing].map(([n, o]) => [n, o.id]));
    for (const { value } of rows) {
      const kind = KIND_BY_LABEL[value.kind]!;
      const old = existing.get(value.name);
      if (!old) {
        const row = await w.tx
          .insertInto('org')
          .values({ tenant_id: tenantId, name: value.name, kind, parent_id: null, uscc: value.uscc ?? null, division_code: value.divisionCode ?? null })
          .returningAll()
          .executeTakeFirstOrThrow();
        ids.set(value.name, row.id);
        created++;
      }
    }
    for (const { value } of rows) {
      const id = ids.get(value.name)!;
      const old = existing.get(value.name);
      const parentId = value.parent ? ids.get(value.parent)! : null;
      const next = { kind: KIND_BY_LABEL[value.kind]!, parent_id: parentId, uscc: value.uscc ?? null, division_code: value.divisionCode ?? null };
      if (old) {
        const before = { kind: old.kind, parent_id: old.parent_id, uscc: old.uscc, division_code: old.division_code };
        const view = (x: typeof next) => auditView({ name: value.name, kind: x.kind, parentId: x.parent_id, uscc: x.uscc, divisionCode: x.division_code });
        if (!diffFields(before, next).length) {
          unchanged++;
          continue;
        }
        await w.tx.updateTable('org').set({ ...next, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
        await w.audit({ entity: 'org', entityId: id, action: 'updated', orgId: id, before: view(before), after: view(next), note: { via: 'ledger:orgs' } });
        updated++;
      } else {
        if (parentId) await w.tx.updateTable('org').set({ parent_id: parentId }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
        await w.audit({ entity: 'org', entityId: id, action: 'created', orgId: id, after: auditView({ name: value.name, kind: next.kind, parentId: next.parent_id, uscc: next.uscc, divisionCode: next.division_code }), note: { via: 'ledger:orgs' } });
      }
    }
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    const orgs = await listOrgs(ctx);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return orgs.map((o) => ({
      name: o.name,
      kind: ORG_KIND_LABELS[o.kind] as OrgRow['kind'],
      parent: o.parentId ? byId.get(o.parentId)?.name ?? null : null,
      uscc: o.uscc,
      divisionCode: o.divisionCode,
    }));
  },
};

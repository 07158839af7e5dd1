import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import type { OrgKind } from '../../core/db/types.js';
import { diffFields } from '../../core/audit/audit.js';
import { isValidUscc } from '../../core/ledger/validators.js';
import { createOrg, listOrgs, ORG_KIND_LABELS, updateOrg } from '../../core/orgs.js';
import { type OrgFilter, orgsForExport, tenantOrgs } from './repository.js';

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
    {
      key: 'divisionCode',
      header: '行政区划代码',
      type: 'text',
      validate: (v: unknown) => (v && !/^\d{6}(\d{3})?(\d{3})?$/.test(String(v)) ? '行政区划代码应为6、9或12位数字' : undefined),
    },
  ],
} as const);

type OrgRow = RowOf<typeof orgsSpec>;

/**
 * Import: rows are matched by 单位名称; new names create orgs, known ones update type,
 * parent and codes — through the kernel's own `createOrg` / `updateOrg`, the functions
 * the 单位管理 form calls (one call per org: orgs are few). 上级单位 may name a row of the
 * same file or an existing org; rows are taken parents first, so a new org is created
 * with its parent. The tenant's bureau (局 with no parent) cannot be re-parented. Each
 * created or updated org gets its provenance row (`imp.trace`) instead of an event of its
 * own (the import's one audit event covers them); there is no rule of
 * RULES.md an org can break, so an import has no findings.
 */
export const orgsLedger: LedgerDef<OrgRow> = {
  spec: orgsSpec,
  readPermission: 'system.orgs.read',
  writePermission: 'system.orgs.manage',
  async commit(imp, rows) {
    const { ctx } = imp;
    const tenantId = ctx.actor.tenantId;
    const existing = new Map((await tenantOrgs(ctx.db, tenantId)).map((o) => [o.name, o]));
    const errors: RowError[] = [];
    const inFile = new Map<string, number>();
    const names = new Set(rows.map((r) => r.value.name));
    for (const { rowNumber, value } of rows) {
      const prev = inFile.get(value.name);
      if (prev) errors.push({ row: rowNumber, column: '单位名称', message: `与第${prev}行重复`, value: value.name });
      inFile.set(value.name, rowNumber);
      if (value.parent && value.parent === value.name) errors.push({ row: rowNumber, column: '上级单位', message: '上级单位不能是自身', value: value.parent });
      else if (value.parent && !existing.has(value.parent) && !names.has(value.parent)) {
        errors.push({ row: rowNumber, column: '上级单位', message: `上级单位“${value.parent}”既不在本文件中，也不是已有单位`, value: value.parent });
      }
      if (value.kind === '局' && !value.parent && existing.size && ![...existing.values()].some((o) => o.kind === 'bureau' && o.name === value.name)) {
        errors.push({ row: rowNumber, column: '单位类型', message: '本局已存在，不能再导入另一个没有上级单位的“局”', value: value.kind });
      }
      if (value.uscc && !isValidUscc(value.uscc)) errors.push({ row: rowNumber, column: '统一社会信用代码', message: '校验位错误', value: value.uscc });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };

    // Parents first: a new org waits until the new org it names as 上级单位 is created (an existing parent is there already).
    const ordered: Array<(typeof rows)[number]> = [];
    const placed = new Set<string>();
    let pending = [...rows];
    while (pending.length) {
      const now = pending.filter((r) => !r.value.parent || existing.has(r.value.parent) || placed.has(r.value.parent));
      if (!now.length) {
        for (const r of pending)
          errors.push({ row: r.rowNumber, column: '上级单位', message: `上级单位“${r.value.parent}”与其他行互为上级，形成循环`, value: r.value.parent ?? '' });
        return { created: 0, updated: 0, unchanged: 0, errors };
      }
      for (const r of now) {
        ordered.push(r);
        placed.add(r.value.name);
      }
      pending = pending.filter((r) => !placed.has(r.value.name));
    }

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const ids = new Map([...existing].map(([n, o]) => [n, o.id]));
    for (const { rowNumber, value } of ordered) {
      const kind = KIND_BY_LABEL[value.kind]!;
      const parentId = value.parent ? ids.get(value.parent)! : null;
      const next = { kind, parent_id: parentId, uscc: value.uscc ?? null, division_code: value.divisionCode ?? null };
      // Provenance in table columns (the history diffs them against `before`, which an undo restores).
      const values = { name: value.name, ...next };
      const old = existing.get(value.name);
      if (!old) {
        const org = await createOrg(ctx, { name: value.name, kind, parentId, uscc: next.uscc, divisionCode: next.division_code }, { audit: false });
        ids.set(value.name, org.id);
        imp.trace({ row: rowNumber, entity: 'org', entityId: org.id, action: 'created', orgId: org.id, values });
        created++;
        continue;
      }
      const before = { kind: old.kind, parent_id: old.parent_id, uscc: old.uscc, division_code: old.division_code };
      if (!diffFields(before, next).length) {
        unchanged++;
        continue;
      }
      await updateOrg(ctx, { id: old.id, version: old.version }, { kind, parentId, uscc: next.uscc, divisionCode: next.division_code }, { audit: false });
      imp.trace({
        row: rowNumber,
        entity: 'org',
        entityId: old.id,
        action: 'updated',
        orgId: old.id,
        values,
        before: { name: old.name, ...before, version: old.version, updated_at: old.updated_at },
      });
      updated++;
    }
    return { created, updated, unchanged, errors: [] };
  },
  // `filter`: the 单位 list's filters (its export: exactly the list's rows, in its order); absent: every org in scope.
  async exportRows(ctx, filter) {
    if (filter)
      return (await orgsForExport(ctx, filter as OrgFilter)).map((o) => ({
        name: o.name,
        kind: ORG_KIND_LABELS[o.kind as OrgKind] as OrgRow['kind'],
        parent: o.parent_name,
        uscc: o.uscc,
        divisionCode: o.division_code,
      }));
    const orgs = await listOrgs(ctx);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    return orgs.map((o) => ({
      name: o.name,
      kind: ORG_KIND_LABELS[o.kind] as OrgRow['kind'],
      parent: o.parentId ? (byId.get(o.parentId)?.name ?? null) : null,
      uscc: o.uscc,
      divisionCode: o.divisionCode,
    }));
  },
  undo: { table: 'org' },
};

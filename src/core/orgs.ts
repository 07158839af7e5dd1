import type { Kysely, Selectable } from 'kysely';
import type { KernelDB, OrgKind, OrgTable } from './db/types.js';
import type { Ctx } from './context.js';
import type { RowError } from './ledger/ledger.js';
import { write } from './audit/audit.js';
import { errors } from './errors.js';
import { inScope } from './scope.js';
import { updateVersioned } from './versioned.js';

/** An org as the API and the ledger present it. */
export interface Org {
  id: string;
  name: string;
  kind: OrgKind;
  /** 局 / 科室 / 街道 / 其他 */
  kindLabel: string;
  parentId: string | null;
  uscc: string | null;
  divisionCode: string | null;
  sort: number;
  version: number;
}

export const ORG_KIND_LABELS: Record<OrgKind, string> = { bureau: '局', department: '科室', street: '街道', other: '其他' };

type OrgRow = Selectable<OrgTable>;

const present = (r: OrgRow): Org => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  kindLabel: ORG_KIND_LABELS[r.kind as OrgKind],
  parentId: r.parent_id,
  uscc: r.uscc,
  divisionCode: r.division_code,
  sort: r.sort,
  version: r.version,
});

/** The fields an org's audit events carry (camelCase, as the API presents them). */
export function auditView(o: Pick<Org, 'name' | 'kind' | 'parentId' | 'uscc' | 'divisionCode'> & { sort?: number }): Record<string, unknown> {
  return { name: o.name, kind: o.kind, parentId: o.parentId, uscc: o.uscc, divisionCode: o.divisionCode, ...(o.sort !== undefined ? { sort: o.sort } : {}) };
}

/** Orgs the actor may see (a street user sees its own street only). */
export async function listOrgs(ctx: Ctx): Promise<Org[]> {
  const rows = await ctx.db
    .selectFrom('org')
    .selectAll()
    .$call((qb) => {
      const q = qb.where('tenant_id', '=', ctx.actor.tenantId);
      return ctx.actor.scope.all ? q : q.where('id', 'in', [...ctx.actor.scope.orgIds]);
    })
    .orderBy('sort')
    .orderBy('name')
    .execute();
  return rows.map(present);
}

export async function getOrg(ctx: Ctx, id: string): Promise<Org | undefined> {
  const r = await ctx.db
    .selectFrom('org')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .$if(!ctx.actor.scope.all, (q) => q.where('id', 'in', ctx.actor.scope.all ? [] : [...ctx.actor.scope.orgIds]))
    .executeTakeFirst();
  return r ? present(r) : undefined;
}

/** Looks orgs up by name within a tenant (imports, demo). */
export async function orgsByName(db: Kysely<KernelDB>, tenantId: string): Promise<Map<string, Org>> {
  const rows = await db.selectFrom('org').selectAll().where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.name, present(r)]));
}

/**
 * A ledger's unit column (本局单位名称): reads the tenant's orgs once and answers, for a row, the id of
 * the org it names — null when it names none — or, for a name no org has, undefined after adding the
 * row error 未知的单位 on the column.
 */
export async function orgColumn(db: Kysely<KernelDB>, tenantId: string, column: string, errs: RowError[]) {
  const orgs = await orgsByName(db, tenantId);
  return (row: number, name: string | null | undefined): string | null | undefined => {
    if (!name) return null;
    const org = orgs.get(name);
    if (!org) errs.push({ row, column, message: `未知的单位：${name}`, value: name });
    return org?.id;
  };
}

export interface OrgInput {
  name: string;
  kind: OrgKind;
  parentId?: string | null;
  uscc?: string | null;
  divisionCode?: string | null;
  sort?: number;
}

function validateOrg(input: OrgInput) {
  if (!input.name?.trim()) throw errors.validation('name', '单位名称不能为空');
  if (input.name.length > 100) throw errors.validation('name', '单位名称过长（不超过100字）');
  if (!['bureau', 'department', 'street', 'other'].includes(input.kind)) throw errors.validation('kind', '单位类型无效');
}

/**
 * Creates an org (audit: `org.created`). `{ audit: false }` for a ledger import, whose
 * provenance row and one import event record it instead (the one write path).
 */
export async function createOrg(ctx: Ctx, input: OrgInput, opts: { audit?: boolean } = {}): Promise<Org> {
  validateOrg(input);
  return write(ctx, async ({ tx, audit }) => {
    const dup = await tx.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('name', '=', input.name.trim()).executeTakeFirst();
    if (dup) throw errors.duplicate('name', `单位“${input.name}”已存在`);
    if (input.parentId) await mustExist(tx, ctx.actor.tenantId, input.parentId);
    const row = await tx
      .insertInto('org')
      .values({
        tenant_id: ctx.actor.tenantId,
        name: input.name.trim(),
        kind: input.kind,
        parent_id: input.parentId ?? null,
        uscc: input.uscc ?? null,
        division_code: input.divisionCode ?? null,
        sort: input.sort ?? 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (opts.audit !== false) await audit({ entity: 'org', entityId: row.id, action: 'created', orgId: row.id, after: auditView(present(row)) });
    return present(row as OrgRow);
  });
}

async function mustExist(tx: Kysely<KernelDB>, tenantId: string, id: string) {
  const p = await tx.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!p) throw errors.validation('parentId', '上级单位不存在');
}

/** Updates an org; `version` must match (409 otherwise). Audit: `org.updated` with field changes (`{ audit: false }`: an import's provenance instead). */
export async function updateOrg(ctx: Ctx, at: { id: string; version: number }, patch: Partial<OrgInput>, opts: { audit?: boolean } = {}): Promise<Org> {
  const { id, version } = at;
  return write(ctx, async (w) => {
    const { row } = await updateVersioned<OrgRow>(w, {
      table: 'org',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '单位',
      inScope: (before) => inScope(ctx.actor, before.id),
      patch: async (before) => {
        const next = { ...present(before), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Org;
        validateOrg(next);
        if (next.parentId === id) throw errors.validation('parentId', '上级单位不能是自身');
        if (patch.parentId) await mustExist(w.tx, ctx.actor.tenantId, patch.parentId);
        if (patch.name && patch.name !== before.name) {
          const dup = await w.tx.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('name', '=', patch.name).executeTakeFirst();
          if (dup) throw errors.duplicate('name', `单位“${patch.name}”已存在`);
        }
        return { name: next.name, kind: next.kind, parent_id: next.parentId, uscc: next.uscc, division_code: next.divisionCode, sort: next.sort };
      },
      audit: opts.audit === false ? false : { entity: 'org', action: 'updated', orgId: id, view: (r) => auditView(present(r as OrgRow)) },
      ifUnchanged: 'write',
    });
    return present(row as OrgRow);
  });
}

/**
 * The street offices of a tenant by name; a ledger or a form may write
 * “五山街道” or “五山”.
 */
export async function streetsByName(
  db: Kysely<KernelDB>,
  tenantId: string,
): Promise<{ byName: Map<string, { id: string; name: string }>; byId: Map<string, string>; find(name: string): { id: string; name: string } | undefined }> {
  const rows = await db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).where('kind', '=', 'street').execute();
  const byName = new Map(rows.map((r) => [r.name, r]));
  return {
    byName,
    byId: new Map(rows.map((r) => [r.id, r.name])),
    find: (name: string) => byName.get(name.trim()) ?? byName.get(`${name.trim()}街道`),
  };
}

/** Every org's name by id (presenters show names, not ids). */
export async function orgNames(db: Kysely<KernelDB>, tenantId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('org').select(['id', 'name']).where('tenant_id', '=', tenantId).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The department that owns the module's bureau-level records (e.g. 防汛: 水旱灾害防御科);
 * the bureau itself when the department does not exist.
 */
export async function homeOrg(db: Kysely<KernelDB>, tenantId: string, department: string): Promise<string> {
  const dept = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('name', '=', department).executeTakeFirst();
  if (dept) return dept.id;
  const bureau = await db
    .selectFrom('org')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'bureau')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  return bureau.id;
}

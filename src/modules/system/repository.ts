import { type Kysely, sql } from 'kysely';
import type { Ctx } from '../../core/context.js';
import type { KernelDB } from '../../core/db/types.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';

/** An org's id if it exists in the tenant (undefined when not). */
export async function orgIdOf(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.id;
}

/** The org a user belongs to (undefined when there is no such user). */
export async function userOrgOf(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('app_user').select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.org_id;
}

/** Every org of a tenant (the orgs ledger matches an import's rows by name). */
export function tenantOrgs(db: Kysely<KernelDB>, tenantId: string) {
  return db.selectFrom('org').selectAll().where('tenant_id', '=', tenantId).execute();
}

/** The 用户 list's filters: unit, role, enabled or disabled, text (username or name). */
export interface UserFilter {
  orgId?: string;
  role?: string;
  disabled?: boolean;
  /** 用户名 or 姓名, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link USER_SORTABLE} and the direction; absent: by username. */
  sort?: ListSort<keyof typeof USER_SORTABLE>;
}

/**
 * The columns the user list may be sorted on, each served by an index of `app_user` (kernel 0012); 所属单位 sorts
 * on the unit's name through the join (a bureau's users are a small set: dozens to a few hundred).
 */
export const USER_SORTABLE = {
  username: { column: 'u.username', label: '用户名' },
  displayName: { column: 'u.display_name', label: '姓名' },
  orgName: { column: 'o.name', label: '所属单位' },
  roles: { column: 'u.roles', label: '角色' },
} as const satisfies SortWhitelist;

/** Users in the actor's scope matching a list's filters, with their unit's name (unordered); never the password hash. */
function filteredUsers(ctx: Ctx, f: UserFilter) {
  const scope = ctx.actor.scope;
  return ctx.db
    .selectFrom('app_user as u')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.org_id'))
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'u.roles',
      'u.must_change_password',
      'u.locked_until',
      'u.disabled',
      'u.version',
      'o.name as org_name',
    ])
    .where('u.tenant_id', '=', ctx.actor.tenantId)
    .$if(!scope.all, (q) => q.where('u.org_id', 'in', scope.all ? [] : [...scope.orgIds, '00000000-0000-0000-0000-000000000000']))
    .$if(!!f.orgId, (q) => q.where('u.org_id', '=', f.orgId!))
    .$if(!!f.role, (q) => q.where(sql<boolean>`${f.role!} = ANY(u.roles)`))
    .$if(f.disabled !== undefined, (q) => q.where('u.disabled', '=', f.disabled!))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('u.username', 'like', containsPattern(f.q!)), eb('u.display_name', 'like', containsPattern(f.q!))])));
}

/** A page of the user list (by username unless sorted) and the filtered total. */
export const { page: pageUsers } = listQueries({
  filtered: filteredUsers,
  sortable: USER_SORTABLE,
  tieBreaker: 'u.id',
  order: (q) => q.orderBy('u.username'),
});

/** The 单位 list's filters: kind, parent, text (name, 统一社会信用代码 or 行政区划代码). */
export interface OrgFilter {
  kind?: 'bureau' | 'department' | 'street' | 'other';
  parentId?: string;
  /** 单位名称, 统一社会信用代码 or 行政区划代码, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link ORG_SORTABLE} and the direction; absent: by sort order, then name (as `GET /api/orgs`). */
  sort?: ListSort<keyof typeof ORG_SORTABLE>;
}

/**
 * The columns the org list may be sorted on, each served by an index of `org`: 单位名称 its UNIQUE one, 类型 and
 * 排序 kernel 0012's.
 */
export const ORG_SORTABLE = {
  name: { column: 'o.name', label: '单位名称' },
  kind: { column: 'o.kind', label: '类型' },
  sort: { column: 'o.sort', label: '排序' },
} as const satisfies SortWhitelist;

/** Orgs in the actor's scope matching a list's filters, with their parent's name where the actor sees the parent (unordered). */
function filteredOrgs(ctx: Ctx, f: OrgFilter) {
  const scope = ctx.actor.scope;
  const inScope = scope.all ? [] : [...scope.orgIds, '00000000-0000-0000-0000-000000000000'];
  return ctx.db
    .selectFrom('org as o')
    .leftJoin('org as p', (j) =>
      j
        .onRef('p.tenant_id', '=', 'o.tenant_id')
        .onRef('p.id', '=', 'o.parent_id')
        .$call((jb) => (scope.all ? jb : jb.on('p.id', 'in', inScope))),
    )
    .selectAll('o')
    .select('p.name as parent_name')
    .where('o.tenant_id', '=', ctx.actor.tenantId)
    .$if(!scope.all, (q) => q.where('o.id', 'in', inScope))
    .$if(!!f.kind, (q) => q.where('o.kind', '=', f.kind!))
    .$if(!!f.parentId, (q) => q.where('o.parent_id', '=', f.parentId!))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.uscc', 'ilike', like), eb('o.division_code', 'ilike', like)]));
    });
}

/**
 * The org list, by sort order then name unless sorted: a page and the filtered total, how many orgs a list's
 * filters give (the export's cap is checked on it), and every org they give in the list's order (its export).
 */
export const {
  page: pageOrgs,
  count: countOrgs,
  rows: orgsForExport,
} = listQueries({
  filtered: filteredOrgs,
  sortable: ORG_SORTABLE,
  tieBreaker: 'o.id',
  order: (q) => q.orderBy('o.sort').orderBy('o.name'),
});

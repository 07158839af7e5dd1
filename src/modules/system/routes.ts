import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, ctxOf } from '../../core/http.js';
import { createOrg, getOrg, listOrgs, ORG_KIND_LABELS, updateOrg } from '../../core/orgs.js';
import type { OrgKind as OrgKindKey } from '../../core/db/types.js';
import { createUser, listUsers, updateUser } from '../../core/auth/users.js';
import { createApiKey, listApiKeys, PERSON_ONLY_PERMISSIONS, revokeApiKey } from '../../core/auth/apiKeys.js';
import { ROLES } from '../../core/auth/roles.js';
import { verifyIncremental } from '../../core/audit/checkpoint.js';
import { errors } from '../../core/errors.js';
import { getTenantSettings, updateTenantSettings } from '../../core/tenant.js';
import { IsoDate } from '../../core/input.js';
import { Data, Nullable, Opt, OptUuid } from '../../core/schemas.js';
import { ChainCheckView } from '../../core/audit/schemas.js';
import { CalendarOverrideList, OverrideResultView } from '../../core/calendar/schemas.js';
import { auditRoutes } from './auditRoutes.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { countOrgs, ORG_SORTABLE, pageOrgs, pageUsers, USER_SORTABLE } from './repository.js';
import { orgsLedger } from './orgsLedger.js';
import { ApiKeyView, NewApiKeyView, OrgList, OrgView, RoleList, SettingsView, UserList, UserView } from './schemas.js';

const OrgKind = Type.Union([Type.Literal('bureau'), Type.Literal('department'), Type.Literal('street'), Type.Literal('other')]);
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The user list's filters: unit, role, disabled, text. */
const UserListFilters = {
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  role: Type.Optional(Type.String({ maxLength: 30, description: '角色（如 flood）' })),
  disabled: Type.Optional(Type.Boolean({ description: 'true：已停用；false：在用' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '用户名或姓名' })),
};
/** A user in the list: the user and the unit's name (never a password hash or secret). */
const UserListItem = Type.Object({ ...UserView.properties, orgName: Type.String() }, { description: '用户（列表）' });

/** The org list's filters: kind, parent, text. */
const OrgListFilters = {
  kind: Type.Optional(OrgKind),
  parentId: Type.Optional(Type.String({ format: 'uuid', description: '上级单位' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '单位名称、统一社会信用代码或行政区划代码' })),
};
const orgListQuery = listExportQuerySchema(OrgListFilters, ORG_SORTABLE);
/** An org list's query as the repository's filters. */
const orgFilterOf = (q: Static<typeof orgListQuery>) => ({
  kind: q.kind,
  parentId: q.parentId,
  q: q.q?.trim() || undefined,
  sort: sortOf(ORG_SORTABLE, q),
});
/** An org in the list: the org and its parent's name (null: none, or not in the caller's scope). */
const OrgListItem = Type.Object({ ...OrgView.properties, parentName: Nullable(Type.String()) }, { description: '单位（列表）' });

/** 系统管理 routes: orgs, users, the calendar override table, the audit viewer. */
export async function systemRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['系统管理'];

  app.get('/orgs', { schema: { tags, summary: '单位列表（按数据范围）', response: { 200: Data(OrgList) } } }, async (req) => ({
    data: await listOrgs(authorize(req, 'system.orgs.read')),
  }));

  // The org list on the one list component: a page, sort, filters, the export of exactly its rows (the orgs ledger's
  // headers). The pickers across the app keep the unpaged `GET /orgs` above.
  listRoutes(app, {
    path: '/orgs',
    title: '单位',
    unit: '个',
    permission: 'system.orgs.read',
    tags,
    filters: OrgListFilters,
    sortable: ORG_SORTABLE,
    filterOf: (q) => orgFilterOf(q),
    page: pageOrgs,
    view: OrgListItem,
    present: (_ctx, rows) =>
      rows.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        kindLabel: ORG_KIND_LABELS[o.kind as OrgKindKey],
        parentId: o.parent_id,
        parentName: o.parent_name,
        uscc: o.uscc,
        divisionCode: o.division_code,
        sort: o.sort,
        version: o.version,
      })),
    export: ledgerExport(orgsLedger, countOrgs),
  });

  app.get('/orgs/:id', { schema: { tags, summary: '单位详情', params: Id, response: { 200: Data(OrgView) } } }, async (req) => {
    const org = await getOrg(authorize(req, 'system.orgs.read'), req.params.id);
    if (!org) throw errors.notFound('单位');
    return { data: org };
  });

  const OrgBody = Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: OrgKind,
    parentId: OptUuid(),
    uscc: Opt(Type.String()),
    divisionCode: Opt(Type.String()),
    sort: Type.Optional(Type.Integer()),
  });
  app.post('/orgs', { schema: { tags, summary: '新建单位', body: OrgBody, response: { 201: Data(OrgView) } } }, async (req, reply) => {
    const org = await createOrg(authorize(req, 'system.orgs.manage'), req.body);
    return reply.code(201).send({ data: org });
  });
  app.patch(
    '/orgs/:id',
    {
      schema: {
        tags,
        summary: '修改单位（带版本号，过期写入返回409）',
        params: Id,
        body: Type.Intersect([Type.Partial(OrgBody), Type.Object({ version: Type.Integer() })]),
        response: { 200: Data(OrgView) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return { data: await updateOrg(authorize(req, 'system.orgs.manage'), { id: req.params.id, version: version }, patch) };
    },
  );

  app.get('/roles', { schema: { tags, summary: '角色列表', response: { 200: Data(RoleList) } } }, async (req) => {
    authorize(req, 'system.orgs.read');
    return { data: Object.entries(ROLES).map(([key, r]) => ({ key, label: r.label, scope: r.scope })) };
  });

  app.get('/users', { schema: { tags, summary: '用户列表', response: { 200: Data(UserList) } } }, async (req) => ({
    data: await listUsers(authorize(req, 'system.users.read')),
  }));
  // The user list on the one list component: a page, sort, filters (no export: users are not a ledger).
  listRoutes(app, {
    path: '/users',
    title: '用户',
    unit: '个',
    permission: 'system.users.read',
    tags,
    filters: UserListFilters,
    sortable: USER_SORTABLE,
    filterOf: (q) => ({
      orgId: q.orgId,
      role: q.role?.trim() || undefined,
      disabled: q.disabled,
      q: q.q?.trim() || undefined,
      sort: sortOf(USER_SORTABLE, q),
    }),
    page: pageUsers,
    view: UserListItem,
    present: (_ctx, rows) =>
      rows.map((r) => ({
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        orgId: r.org_id,
        orgName: r.org_name,
        roles: r.roles,
        mustChangePassword: r.must_change_password,
        lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
        disabled: r.disabled,
        version: r.version,
      })),
  });
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: '新建用户（初始密码首次登录须修改）',
        body: Type.Object({
          username: Type.String(),
          displayName: Type.String(),
          orgId: Type.String({ format: 'uuid' }),
          roles: Type.Array(Type.String()),
          password: Type.String(),
        }),
        response: { 201: Data(UserView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await createUser(authorize(req, 'system.users.manage'), { ...req.body, mustChangePassword: true }) }),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户、停用或重置密码',
        params: Id,
        body: Type.Object({
          version: Type.Integer(),
          displayName: Type.Optional(Type.String()),
          orgId: Type.Optional(Type.String({ format: 'uuid' })),
          roles: Type.Optional(Type.Array(Type.String())),
          disabled: Type.Optional(Type.Boolean()),
          resetPassword: Type.Optional(Type.String()),
        }),
        response: { 200: Data(UserView) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return { data: await updateUser(authorize(req, 'system.users.manage'), req.params.id, version, patch) };
    },
  );

  // ── 接口密钥: machine clients (docs/api.md "Machine clients") ──
  app.get('/api-keys', { schema: { tags, summary: '接口密钥列表（不含密钥本身）', response: { 200: Data(Type.Array(ApiKeyView)) } } }, async (req) => ({
    data: await listApiKeys(authorize(req, 'system.apikeys.manage')),
  }));
  app.get(
    '/api-keys/permissions',
    {
      schema: {
        tags,
        summary: '可授予接口密钥的权限（本人持有、非仅限本人的权限；含中文名称和所属模块）',
        response: { 200: Data(Type.Array(Type.Object({ key: Type.String(), label: Type.String(), module: Type.String(), moduleTitle: Type.String() }))) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'system.apikeys.manage');
      const reg = req.server.sys.registry;
      const titles = new Map(reg.modules.map((m) => [m.key, m.title]));
      return {
        data: [...reg.permissions]
          .filter(([key]) => !PERSON_ONLY_PERMISSIONS.has(key) && ctx.actor.permissions.has(key))
          .map(([key, p]) => ({ key, label: p.label, module: p.module, moduleTitle: titles.get(p.module) ?? p.module })),
      };
    },
  );
  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: '为接入方创建接口密钥（限定权限、有效期不超过一年；密钥仅此一次显示）',
        body: Type.Object({
          name: Type.String({ maxLength: 50 }),
          permissions: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
          expiresOn: IsoDate,
        }),
        response: { 201: Data(NewApiKeyView) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send({ data: await createApiKey(authorize(req, 'system.apikeys.manage'), req.body, new Set(req.server.sys.registry.permissions.keys())) }),
  );
  app.post('/api-keys/:id/revoke', { schema: { tags, summary: '吊销接口密钥（立即失效）', params: Id, response: { 200: Data(ApiKeyView) } } }, async (req) => ({
    data: await revokeApiKey(authorize(req, 'system.apikeys.manage'), req.params.id),
  }));

  // The bureau's settings: every signed-in user reads them (the desktop app draws the watermark); the admin changes them.
  app.get('/system/settings', { schema: { tags, summary: '本局系统设置', response: { 200: Data(SettingsView) } } }, async (req) => {
    const ctx = ctxOf(req);
    return { data: await getTenantSettings(ctx.db, ctx.actor.tenantId) };
  });
  app.put(
    '/system/settings',
    {
      schema: {
        tags,
        summary: '修改本局系统设置（屏幕水印）；记入审计日志',
        body: Type.Object({ watermark: Type.Boolean({ description: '屏幕水印：在桌面端页面上显示当前用户姓名和日期的浅色水印' }) }),
        response: { 200: Data(SettingsView) },
      },
    },
    async (req) => ({ data: await updateTenantSettings(authorize(req, 'system.settings.manage'), req.body) }),
  );

  app.get('/calendar/overrides', { schema: { tags, summary: '节假日调整表', response: { 200: Data(CalendarOverrideList) } } }, async (req) => {
    authorize(req, 'system.calendar.read');
    return { data: await req.server.sys.calendar.listOverrides() };
  });
  app.put(
    '/calendar/overrides/:date',
    {
      schema: {
        tags,
        summary: '设置某日为工作日或休息日；返回因此重新计算的期限',
        params: Type.Object({ date: IsoDate }),
        body: Type.Object({
          kind: Type.Union([Type.Literal('workday'), Type.Literal('holiday')]),
          name: Opt(Type.String()),
          note: Opt(Type.String()),
        }),
        response: { 200: Data(OverrideResultView) },
      },
    },
    async (req) => ({ data: await req.server.sys.calendar.setOverride(authorize(req, 'system.calendar.manage'), { date: req.params.date, ...req.body }) }),
  );
  app.delete(
    '/calendar/overrides/:date',
    { schema: { tags, summary: '删除节假日调整', params: Type.Object({ date: IsoDate }), response: { 200: Data(OverrideResultView) } } },
    async (req) => ({
      data: await req.server.sys.calendar.setOverride(authorize(req, 'system.calendar.manage'), { date: req.params.date, kind: null }),
    }),
  );

  await auditRoutes(root);
  app.post('/audit/verify', { schema: { tags, summary: '校验审计链', response: { 200: Data(ChainCheckView) } } }, async (req) => {
    const ctx = authorize(req, 'system.audit.read');
    return { data: await verifyIncremental(ctx.db, ctx.actor.tenantId, req.server.sys.auditKey, { write: false }) };
  });
}

/**
 * What the 系统管理 routes answer (orgs, roles, users), described with TypeBox: the OpenAPI
 * description and the schema Fastify serialises by. The kernel's presenters (`Org`, `User`) are
 * checked against them where the routes return them.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Str, NStr, Int } from '../../core/schemas.js';

export const OrgKindView = Type.Union([Type.Literal('bureau'), Type.Literal('department'), Type.Literal('street'), Type.Literal('other')]);

/** An org (单位). */
export const OrgView = Type.Object(
  { id: Str, name: Str, kind: OrgKindView, kindLabel: Str, parentId: NStr, uscc: NStr, divisionCode: NStr, sort: Int, version: Int },
  { description: '单位' },
);
export type OrgView = Static<typeof OrgView>;
export const OrgList = Type.Array(OrgView);

/** A role and the data scope it grants. */
export const RoleView = Type.Object({ key: Str, label: Str, scope: Str }, { description: '角色' });
export const RoleList = Type.Array(RoleView);

/** A user as presented to clients (never the password hash). */
export const UserView = Type.Object(
  {
    id: Str,
    username: Str,
    displayName: Str,
    orgId: Str,
    roles: Type.Array(Str),
    mustChangePassword: Type.Boolean(),
    lockedUntil: NStr,
    disabled: Type.Boolean(),
    version: Int,
  },
  { description: '用户' },
);
export type UserView = Static<typeof UserView>;
export const UserList = Type.Array(UserView);

/** 接口密钥 as the API shows it (never the secret). */
export const ApiKeyView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    permissions: Type.Array(Type.String()),
    createdBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    expiresOn: Type.String(),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    revokedBy: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  },
  { description: '接口密钥' },
);
/** A key just created, with its token — shown this once. */
export const NewApiKeyView = Type.Object({ key: ApiKeyView, token: Type.String({ description: '密钥（仅此一次显示）' }) });

/** The bureau's settings (系统设置). */
export const SettingsView = Type.Object({ watermark: Type.Boolean({ description: '屏幕水印是否开启' }) }, { description: '本局系统设置' });

/**
 * 接口密钥 — keys for machine clients (the 12345 platform, the provincial enforcement platform, the
 * credit platform). An administrator creates one for a named client with the permissions it needs
 * (e.g. `hotline.push` only), an expiry date (at most a year ahead) — the key is shown once, only
 * its secret's sha256 is kept — and can revoke it. A request carrying `Authorization: Bearer <key>`
 * acts as the client: no session, no CSRF token, only the key's permissions, bureau-wide; every
 * use is audited with the key's name (server/auth.ts).
 */
import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiKeyTable, KernelDB } from '../db/types.js';
import type { Actor, Ctx } from '../context.js';
import { write } from '../audit/audit.js';
import { errors } from '../errors.js';
import { isIsoDate, isoDateInShanghai } from '../calendar/calendar.js';

/** The longest a key may live: a year from its creation. */
export const API_KEY_MAX_DAYS = 366;
/** What no key may hold: making users or keys stays with a person. */
export const PERSON_ONLY_PERMISSIONS: ReadonlySet<string> = new Set(['system.users.manage', 'system.apikeys.manage']);

const TOKEN = /^fzk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export interface ApiKeyView {
  id: string;
  name: string;
  permissions: string[];
  createdBy: string;
  createdAt: string;
  expiresOn: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  /** 有效 / 已过期 / 已吊销 */
  status: 'active' | 'expired' | 'revoked';
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function present(r: Selectable<ApiKeyTable>, today: string): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    permissions: [...r.permissions],
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    expiresOn: r.expires_on,
    revokedAt: iso(r.revoked_at),
    revokedBy: r.revoked_by,
    lastUsedAt: iso(r.last_used_at),
    status: r.revoked_at ? 'revoked' : r.expires_on < today ? 'expired' : 'active',
  };
}

export interface ApiKeyInput {
  name: string;
  permissions: readonly string[];
  expiresOn: string;
}

/**
 * Creates a key; returns it with the token, which is never shown again. The permissions must be
 * known, held by the administrator creating it, and none of the person-only ones.
 */
export async function createApiKey(ctx: Ctx, input: ApiKeyInput, known: ReadonlySet<string>): Promise<{ key: ApiKeyView; token: string }> {
  const name = (input.name ?? '').trim();
  if (name.length < 2 || name.length > 50) throw errors.validation('name', '接入方名称应为2至50个字');
  const perms = [...new Set(input.permissions ?? [])];
  if (!perms.length) throw errors.validation('permissions', '请至少选择一项接口权限');
  for (const p of perms) {
    if (!known.has(p)) throw errors.validation('permissions', `未知的权限：${p}`);
    if (PERSON_ONLY_PERMISSIONS.has(p)) throw errors.validation('permissions', `接口密钥不能授予“${p}”（用户和密钥只能由管理员本人管理）`);
    if (!ctx.actor.permissions.has(p)) throw errors.validation('permissions', `不能授予本人没有的权限：${p}`);
  }
  const today = ctx.clock.today();
  if (!isIsoDate(input.expiresOn ?? '')) throw errors.validation('expiresOn', '有效期至应为YYYY-MM-DD格式的日期');
  const last = new Date(Date.parse(`${today}T00:00:00Z`) + API_KEY_MAX_DAYS * 86_400_000).toISOString().slice(0, 10);
  if (input.expiresOn <= today || input.expiresOn > last) throw errors.validation('expiresOn', `有效期至应晚于今天，且不超过${last}（一年）`);
  const id = crypto.randomUUID();
  const secret = crypto.randomBytes(32).toString('base64url');
  const token = `fzk_${id.replaceAll('-', '')}_${secret}`;
  return write(ctx, async (w) => {
    const row = await w.tx
      .insertInto('api_key')
      .values({
        tenant_id: ctx.actor.tenantId,
        id,
        name,
        permissions: perms,
        secret_hash: sha256(secret),
        created_by: ctx.actor.name,
        expires_on: input.expiresOn,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await w.audit({ entity: 'api_key', entityId: id, action: 'created', after: { name, permissions: perms, expiresOn: input.expiresOn } });
    return { key: present(row, today), token };
  });
}

/** The tenant's keys, newest first (never their secrets). */
export async function listApiKeys(ctx: Ctx): Promise<ApiKeyView[]> {
  const rows = await ctx.db.selectFrom('api_key').selectAll().where('tenant_id', '=', ctx.actor.tenantId).orderBy('created_at', 'desc').limit(500).execute();
  return rows.map((r) => present(r, ctx.clock.today()));
}

/** Revokes a key at once (a revoked key is refused from the next request on). */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<ApiKeyView> {
  return write(ctx, async (w) => {
    const old = await w.tx.selectFrom('api_key').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!old) throw errors.notFound('接口密钥');
    if (old.revoked_at) throw errors.gate('API_KEY_REVOKED', '该密钥已吊销');
    const row = await w.tx
      .updateTable('api_key')
      .set({ revoked_at: new Date(), revoked_by: ctx.actor.name })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await w.audit({ entity: 'api_key', entityId: id, action: 'revoked', after: { name: row.name } });
    return present(row, ctx.clock.today());
  });
}

/** The client a token stands for, as an actor with the key's permissions only; undefined for a malformed, unknown, expired or revoked key. */
export async function resolveApiKey(
  db: Kysely<KernelDB>,
  token: string,
  now = new Date(),
): Promise<{ actor: Actor; key: { id: string; name: string } } | undefined> {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const row = await db.selectFrom('api_key').selectAll().where('id', '=', uuidOf(m[1]!)).executeTakeFirst();
  if (!row || row.revoked_at || row.expires_on < isoDateInShanghai(now)) return undefined;
  const a = Buffer.from(row.secret_hash, 'hex');
  const b = Buffer.from(sha256(m[2]!), 'hex');
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return undefined;
  return {
    key: { id: row.id, name: row.name },
    actor: {
      tenantId: row.tenant_id,
      userId: null,
      name: `接口：${row.name}`,
      orgId: null,
      roles: [],
      scope: { all: true },
      permissions: new Set(row.permissions),
    },
  };
}

/** Records one use of a key: when it was last used, and an audit event naming the key, the route and the answer. */
export async function recordApiKeyUse(ctx: Ctx, use: { keyId: string; method: string; route: string; status: number }): Promise<void> {
  await write(ctx, async (w) => {
    await w.tx.updateTable('api_key').set({ last_used_at: new Date() }).where('id', '=', use.keyId).execute();
    await w.audit({ entity: 'api_key', entityId: use.keyId, action: 'used', note: { method: use.method, route: use.route, status: use.status } });
  });
}

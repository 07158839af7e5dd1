import type { Kysely } from 'kysely';
import type { KernelDB } from './db/types.js';
import { systemActor } from './context.js';
import { recordAudit, write } from './audit/audit.js';
import type { Ctx } from './context.js';
import { errors } from './errors.js';

/**
 * Creates a tenant (a bureau) with its top org of kind `bureau`, and starts its
 * audit chain. Used by `fazhi demo`, `fazhi user add` on an empty database, and
 * the `orgs` ledger's first import.
 */
export async function createTenant(
  db: Kysely<KernelDB>,
  input: { name: string; divisionCode?: string | null; uscc?: string | null },
): Promise<{ tenantId: string; bureauId: string }> {
  return db.transaction().execute(async (tx) => {
    const t = await tx
      .insertInto('tenant')
      .values({ name: input.name, division_code: input.divisionCode ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const org = await tx
      .insertInto('org')
      .values({
        tenant_id: t.id,
        name: input.name,
        kind: 'bureau',
        parent_id: null,
        uscc: input.uscc ?? null,
        division_code: input.divisionCode ?? null,
        sort: 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = systemActor(t.id);
    await recordAudit(tx, actor, {
      entity: 'tenant',
      entityId: t.id,
      action: 'created',
      orgId: org.id,
      after: { name: input.name, divisionCode: input.divisionCode ?? null },
    });
    await recordAudit(tx, actor, {
      entity: 'org',
      entityId: org.id,
      action: 'created',
      orgId: org.id,
      after: { name: input.name, kind: 'bureau', parentId: null, uscc: input.uscc ?? null, divisionCode: input.divisionCode ?? null },
    });
    return { tenantId: t.id, bureauId: org.id };
  });
}

/** The tenants of the database (one bureau in a single-bureau deployment). */
export async function listTenants(db: Kysely<KernelDB>) {
  return db.selectFrom('tenant').select(['id', 'name', 'division_code']).orderBy('created_at').execute();
}

/**
 * The tenant a public (no-session) request is for: `?tenant=<id>`, or the only tenant of a
 * single-bureau deployment; undefined when there is no such tenant (the route answers 404 单位).
 * Reads the one row asked for (or at most two), not the whole table.
 */
export async function publicTenant(db: Kysely<KernelDB>, id: string | undefined) {
  const q = db.selectFrom('tenant').select(['id', 'name', 'division_code']);
  if (id) return q.where('id', '=', id).executeTakeFirst();
  const first = await q.orderBy('created_at').limit(2).execute();
  return first.length === 1 ? first[0] : undefined;
}

/** The bureau's own settings, switched by its admin (系统管理 → 系统设置). */
export interface TenantSettings {
  /** 屏幕水印: a faint watermark with the signed-in user's name and the date over the desktop app. Off by default. */
  watermark: boolean;
}

/** The signed-in user's bureau's settings. */
export async function getTenantSettings(db: Kysely<KernelDB>, tenantId: string): Promise<TenantSettings> {
  const row = await db.selectFrom('tenant').select('watermark').where('id', '=', tenantId).executeTakeFirst();
  if (!row) throw errors.notFound('单位');
  return { watermark: row.watermark };
}

/**
 * Changes the bureau's settings (the fields given); audited as `tenant.updated` with the values before
 * and after, only when something changed. The caller checks the permission (system.settings.manage).
 */
export async function updateTenantSettings(ctx: Ctx, patch: Partial<TenantSettings>): Promise<TenantSettings> {
  if (patch.watermark !== undefined && typeof patch.watermark !== 'boolean') throw errors.validation('watermark', '屏幕水印只能是开启或关闭');
  return write(ctx, async (w) => {
    const tenantId = ctx.actor.tenantId;
    const before = await w.tx.selectFrom('tenant').select('watermark').where('id', '=', tenantId).forUpdate().executeTakeFirst();
    if (!before) throw errors.notFound('单位');
    const after: TenantSettings = { watermark: patch.watermark ?? before.watermark };
    if (after.watermark === before.watermark) return after;
    await w.tx.updateTable('tenant').set({ watermark: after.watermark }).where('id', '=', tenantId).execute();
    await w.audit({ entity: 'tenant', entityId: tenantId, action: 'updated', before: { watermark: before.watermark }, after: { ...after } });
    return after;
  });
}

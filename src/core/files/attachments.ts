import type { Selectable } from 'kysely';
import type { AttachmentTable } from '../db/types.js';
import type { Ctx } from '../context.js';
import type { System } from '../system.js';
import { write } from '../audit/audit.js';
import { errors } from '../errors.js';
import { inScope } from '../scope.js';
import { checkFile } from './store.js';
import { isUuid } from '../ids.js';

export interface Attachment {
  id: string;
  sha256: string;
  size: number;
  mime: string;
  filename: string;
  entity: string;
  entityId: string;
  createdAt: string;
}

const present = (r: Selectable<AttachmentTable>): Attachment => ({
  id: r.id,
  sha256: r.sha256,
  size: Number(r.size),
  mime: r.mime,
  filename: r.filename,
  entity: r.entity,
  entityId: r.entity_id,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Resolves the record an attachment belongs to and checks the actor may see it (404 otherwise), or write it (`need`). */
async function ownerOrg(sys: System, ctx: Ctx, { entity, entityId }: { entity: string; entityId: string }, need: 'read' | 'write'): Promise<string> {
  const def = sys.registry.entities.get(entity);
  if (!def) throw errors.validation('entity', `未知的记录类型：${entity}`);
  const perm = need === 'read' ? def.readPermission : (def.writePermission ?? def.readPermission);
  if (!ctx.actor.permissions.has(perm)) throw errors.forbidden();
  const org = await def.ownerOrg(ctx.db, ctx.actor.tenantId, entityId);
  if (!org || !inScope(ctx.actor, org)) throw errors.notFound(def.label);
  return org;
}

/** Stores a file and links it to a record the actor may write (audit on the record: `attachment_added`). */
export async function addAttachment(
  sys: System,
  ctx: Ctx,
  input: { entity: string; entityId: string; filename: string; mime: string; data: Buffer },
): Promise<Attachment> {
  checkFile({ size: input.data.length, mime: input.mime, filename: input.filename });
  const orgId = await ownerOrg(sys, ctx, input, 'write');
  const sha256 = await sys.files.put(input.data);
  return write(ctx, async ({ tx, audit }) => {
    const row = await tx
      .insertInto('attachment')
      .values({
        tenant_id: ctx.actor.tenantId,
        sha256,
        size: input.data.length,
        mime: input.mime,
        filename: input.filename,
        entity: input.entity,
        entity_id: input.entityId,
        org_id: orgId,
        uploaded_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      entity: input.entity,
      entityId: input.entityId,
      action: 'attachment_added',
      orgId,
      note: { attachmentId: row.id, filename: input.filename, sha256, size: input.data.length },
    });
    return present(row);
  });
}

/** Lists a record's attachments (the actor must be able to read the record). */
export async function listAttachments(sys: System, ctx: Ctx, entity: string, entityId: string): Promise<Attachment[]> {
  await ownerOrg(sys, ctx, { entity, entityId }, 'read');
  const rows = await ctx.db
    .selectFrom('attachment')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('created_at')
    .execute();
  return rows.map(present);
}

/** Reads an attachment's content; served only when the actor's data scope covers the owning record. */
export async function readAttachment(sys: System, ctx: Ctx, id: string): Promise<{ meta: Attachment; data: Buffer }> {
  if (!isUuid(id)) throw errors.notFound('附件');
  const row = await ctx.db.selectFrom('attachment').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.notFound('附件');
  await ownerOrg(sys, ctx, { entity: row.entity, entityId: row.entity_id }, 'read');
  const data = await sys.files.get(row.sha256);
  if (!data) throw errors.notFound('附件内容');
  return { meta: present(row), data };
}

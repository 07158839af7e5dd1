/**
 * The enforcement-clue outbox, read by the enforcement module. It imports
 * nothing from enforcement: enforcement lists pending requests and marks each
 * consumed with the clue it created.
 */
import { write } from '../../core/audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { clueRequestById, clueRequests, markConsumed } from './repository.js';
import type { ClueRequest } from './schemas.js';

export type { ClueRequest } from './schemas.js';

/** Clue requests in the actor's scope, oldest first (`status` pending by default). */
export async function listClueRequests(ctx: Ctx, opts: { status?: 'pending' | 'consumed' | 'all' } = {}): Promise<ClueRequest[]> {
  const status = opts.status ?? 'pending';
  const rows = await clueRequests(ctx, status);
  return rows.map((r) => ({
    id: r.id,
    orderId: r.order_id,
    orgId: r.org_id,
    facts: r.facts as ClueRequest['facts'],
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAt: new Date(r.requested_at).toISOString(),
    status: r.status,
    consumedAt: r.consumed_at ? new Date(r.consumed_at).toISOString() : null,
    clueRef: r.clue_ref,
  }));
}

/** Marks a request consumed by the enforcement module, with the clue's reference. Audit: `hotline.order.clue_consumed`. */
export async function markClueRequestConsumed(ctx: Ctx, id: string, clueRef: string): Promise<void> {
  if (!clueRef?.trim()) throw errors.validation('clueRef', '线索编号不能为空');
  await write(ctx, async (w) => {
    const r = await clueRequestById(w.ctx, id);
    if (!r) throw errors.notFound('线索移送请求');
    if (r.status === 'consumed') throw errors.gate('CLUE_ALREADY_CONSUMED', '该线索移送请求已处理');
    await markConsumed(w.tx, ctx.actor.tenantId, id, clueRef.trim());
    await w.audit({
      entity: 'hotline.order',
      entityId: r.order_id,
      action: 'clue_consumed',
      orgId: r.org_id,
      note: { clueRequest: id, clueRef: clueRef.trim() },
    });
  });
}

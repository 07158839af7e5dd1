/**
 * The enforcement-clue outbox, read by the enforcement module. It imports
 * nothing from enforcement: enforcement lists pending requests and marks each
 * consumed with the clue it created.
 */
import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import { write } from '../../core/audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { withDataScope } from '../../core/scope.js';
import type { HotlineTables } from './schema.js';

/** A request to open an enforcement clue from a 12345 order. */
export interface ClueRequest {
  id: string;
  orderId: string;
  orgId: string;
  facts: {
    source: '12345';
    orderNo: string;
    receivedOn: string;
    demandType: string | null;
    title: string;
    content: string;
    location: string | null;
    orgId: string;
    orgName: string;
    callerPhoneMasked: string | null;
  };
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'consumed';
  consumedAt: string | null;
  clueRef: string | null;
}

const t = (db: Kysely<KernelDB>) => db.withTables<HotlineTables>();

/** Clue requests in the actor's scope, oldest first (`status` pending by default). */
export async function listClueRequests(ctx: Ctx, opts: { status?: 'pending' | 'consumed' | 'all' } = {}): Promise<ClueRequest[]> {
  const status = opts.status ?? 'pending';
  const rows = await t(ctx.db)
    .selectFrom('hotline_clue_request')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(status !== 'all', (q) => q.where('status', '=', status as 'pending' | 'consumed'))
    .orderBy('requested_at')
    .execute();
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
    const r = await t(w.tx).selectFrom('hotline_clue_request').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
    if (!r) throw errors.notFound('线索移送请求');
    if (r.status === 'consumed') throw errors.gate('CLUE_ALREADY_CONSUMED', '该线索移送请求已处理');
    await t(w.tx)
      .updateTable('hotline_clue_request')
      .set({ status: 'consumed', consumed_at: new Date(), clue_ref: clueRef.trim() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    await w.audit({
      entity: 'hotline.order',
      entityId: r.order_id,
      action: 'clue_consumed',
      orgId: r.org_id,
      note: { clueRequest: id, clueRef: clueRef.trim() },
    });
  });
}

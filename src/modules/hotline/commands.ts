/** The hotline's own writes: the platform's push, the enforcement-clue request, the district average. */
import { decryptPii } from '../../core/crypto/pii.js';
import { write } from '../../core/audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { maskPhone } from '../../core/ledger/validators.js';
import { orgsByName } from '../../core/orgs.js';
import { bizDate, findByRef, getItem, intake, throwFieldErrors, type ItemRow, type Sys } from '../demands/index.js';
import { hotlineKind } from './kind.js';
import { checkPush, type PushPayload } from './rules.js';
import { clueRequestOfOrder, districtAverageOf, insertClueRequest, upsertDistrictAverage } from './repository.js';

/**
 * 工单推送 — takes in an order pushed by the city platform. Idempotent on the
 * order number: a repeated push of a known order changes nothing and answers
 * with the existing record (`created: false`). Bad fields are all reported.
 */
export async function receivePush(sys: Sys, ctx: Ctx, p: PushPayload): Promise<{ created: boolean; order: ItemRow }> {
  throwFieldErrors(checkPush(p));
  const orderNo = String(p.orderNo).trim();
  const existing = await findByRef(ctx.db, ctx.actor.tenantId, 'hotline', orderNo);
  if (existing) return { created: false, order: existing };
  const org = (await orgsByName(ctx.db, ctx.actor.tenantId)).get(String(p.unitName).trim());
  if (!org) throw errors.validation('unitName', `承办单位“${String(p.unitName)}”不是本局的单位`);
  try {
    const order = await intake(sys, ctx, hotlineKind, {
      input: {
        refNo: orderNo,
        orgId: org.id,
        receivedAt: String(p.receivedAt),
        demandType: (p.demandType as string) || null,
        title: (p.title as string) || String(p.content).slice(0, 40),
        content: String(p.content),
        personName: (p.callerName as string) || null,
        personPhone: (p.callerPhone as string) || null,
        location: (p.location as string) || null,
        timeLimit: typeof p.timeLimit === 'number' ? p.timeLimit : null,
      },
      via: '12345平台推送',
    });
    return { created: true, order };
  } catch (e) {
    // Two pushes of one order at the same moment: the second finds the first's record.
    const again = await findByRef(ctx.db, ctx.actor.tenantId, 'hotline', orderNo);
    if (again && (e as { code?: string }).code === 'DUPLICATE') return { created: false, order: again };
    throw e;
  }
}

/**
 * 移送执法线索 — records that an order should become an enforcement clue: the
 * order's facts go into an outbox the enforcement module reads
 * (`listClueRequests`). One request per order. Audit: `hotline.order.clue_requested`.
 */
export async function requestClue(ctx: Ctx, orderId: string, reason: string): Promise<{ id: string }> {
  if (!reason?.trim()) throw errors.validation('reason', '请填写移送理由（涉嫌的违法行为）');
  return write(ctx, async (w) => {
    const o = await getItem({ ...ctx, db: w.tx }, 'hotline', orderId);
    if (!o) throw errors.notFound('12345工单');
    const dup = await clueRequestOfOrder(w.tx, ctx.actor.tenantId, orderId);
    if (dup) throw errors.duplicate('orderId', '该工单已移送执法线索');
    const facts = {
      source: '12345',
      orderNo: o.ref_no,
      receivedOn: bizDate(o.received_at),
      demandType: o.demand_type,
      title: o.title,
      content: o.content,
      location: o.location,
      orgId: o.org_id,
      orgName: o.org_name,
      // The caller's identity stays with the hotline record; the clue carries a masked contact.
      callerPhoneMasked: o.person_phone ? maskPhone(decryptPii(o.person_phone)!) : null,
    };
    const id = await insertClueRequest(w.tx, {
      tenantId: ctx.actor.tenantId,
      orderId,
      orgId: o.org_id,
      facts,
      reason: reason.trim(),
      requestedBy: ctx.actor.name,
    });
    await w.audit({
      entity: 'hotline.order',
      entityId: orderId,
      action: 'clue_requested',
      orgId: o.org_id,
      note: { reason: reason.trim(), clueRequest: id },
    });
    return { id };
  });
}

/** 全区平均办理时长 — the district average (working days) the user enters for a year. */
export async function setDistrictAverage(ctx: Ctx, year: number, avg: number, note?: string | null): Promise<void> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw errors.validation('year', '年度无效');
  if (!Number.isFinite(avg) || avg < 0 || avg > 100) throw errors.validation('avg', '全区平均办理时长应为0至100之间的数（工作日）');
  const centi = Math.round(avg * 100);
  await write(ctx, async (w) => {
    const before = await districtAverageOf(w.tx, ctx.actor.tenantId, year);
    await upsertDistrictAverage(w.tx, { tenantId: ctx.actor.tenantId, year, centi, note: note ?? null });
    await w.audit({
      entity: 'hotline.district_avg',
      entityId: String(year),
      action: before ? 'updated' : 'created',
      before: before ? { avg: before.avg_centi / 100, note: before.note } : null,
      after: { avg: centi / 100, note: note ?? null },
    });
  });
}

/**
 * 巡查打卡 — a patrol's check-in at a flood-risk point with the field app: the point, a photo, a
 * note, the device's time and location (absent when not permitted — never invented), the photo's
 * sha256 computed on the device and checked on arrival (a mismatch is refused naming the file,
 * nothing stored), the server's receipt time, and a client idempotency key (a retried upload returns
 * the first check-in). The check-in, its photo (an attachment of the check-in) and their audit
 * events are one transaction; a point outside the patrol's data scope is not found.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { write } from '../../core/audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import {
  CAPTURE_FIELDS,
  type CaptureSpec,
  type CaptureUpload,
  captureLocation,
  captureNote,
  captureOnce,
  checkCaptureFile,
  presentLocation,
  readCapture,
} from '../../core/files/capture.js';
import { inScope } from '../../core/scope.js';
import type { System } from '../../core/system.js';
import { checkinByKey, getRiskPoint, insertCheckin } from './repository.js';

/** What the device sends with the photo (the multipart field `meta`, JSON, before the file). */
export const CheckinMeta = Type.Object(
  {
    ...CAPTURE_FIELDS,
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CheckinMeta = Static<typeof CheckinMeta>;

const SPEC: CaptureSpec<typeof CheckinMeta> = {
  schema: CheckinMeta,
  labels: { key: '打卡编号', sha256: '照片摘要', capturedAt: '打卡时间', note: '巡查情况' },
  metaName: '打卡信息',
  noFile: '请拍摄现场照片',
};

/** A check-in upload: the device's meta and the photo. */
export type CheckinUpload = CaptureUpload<CheckinMeta>;

/** Reads the upload: the JSON field `meta` (before the file) and one photo. */
export function readCheckin(req: FastifyRequest): Promise<CheckinUpload> {
  return readCapture(req, SPEC);
}

type Row = NonNullable<Awaited<ReturnType<typeof checkinByKey>>>;

/** A check-in as the API answers it. */
export function presentCheckin(r: Row) {
  return {
    id: r.id,
    key: r.key,
    pointId: r.point_id,
    pointCode: r.point_code,
    pointName: r.point_name,
    checkedAt: new Date(r.checked_at).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    ...presentLocation(r),
    note: r.note,
    sha256: r.sha256,
    by: r.created_by_name,
  };
}
export type CheckinView = ReturnType<typeof presentCheckin>;

function replay(ctx: Ctx, pointId: string, first: Row): CheckinView {
  if (first.point_id !== pointId) throw errors.duplicate('key', '该打卡编号已用于另一风险点');
  if (!inScope(ctx.actor, first.org_id)) throw errors.notFound('风险点');
  return presentCheckin(first);
}

/**
 * Records a check-in at a risk point: the first one of its key when there is one (`created:
 * false`); otherwise the check-in (audit `flood.checkin.recorded`), its photo attached, in one
 * transaction.
 */
export async function checkIn(sys: System, ctx: Ctx, pointId: string, up: CheckinUpload): Promise<{ view: CheckinView; created: boolean }> {
  const tenantId = ctx.actor.tenantId;
  const { meta } = up;
  const checkedAt = new Date(meta.capturedAt);
  return captureOnce({
    find: () => checkinByKey(ctx.db, tenantId, meta.key),
    replay: (first) => replay(ctx, pointId, first),
    check: async () => {
      const point = await getRiskPoint(ctx, pointId);
      if (!point) throw errors.notFound('风险点');
      checkCaptureFile(up, { prefixes: ['image/'], refused: `打卡照片应为图片：${up.filename}`, noun: '照片' });
      return point;
    },
    create: (point) =>
      write(ctx, async (w) => {
        const receivedAt = ctx.clock.now();
        const note = meta.note?.trim() || null;
        const id = await insertCheckin(w.tx, {
          tenant_id: tenantId,
          org_id: point.org_id,
          point_id: point.id,
          key: meta.key,
          checked_at: checkedAt,
          received_at: receivedAt,
          ...captureLocation(meta),
          note,
          sha256: meta.sha256,
          created_by: ctx.actor.userId,
          created_by_name: ctx.actor.name,
        });
        await w.audit({
          entity: 'flood.checkin',
          entityId: id,
          action: 'recorded',
          orgId: point.org_id,
          after: { point: `${point.code} ${point.name}`, note },
          note: { pointId: point.id, ...captureNote(meta, receivedAt) },
        });
        await addAttachment(sys, w.ctx, { entity: 'flood.checkin', entityId: id, filename: up.filename, mime: up.mime, data: up.data });
        return { view: presentCheckin((await checkinByKey(w.tx, tenantId, meta.key))!), created: true };
      }),
  });
}

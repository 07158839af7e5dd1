/**
 * 巡查打卡 — a patrol's check-in at a flood-risk point with the field app: the point, a photo, a
 * note, the device's time and location (absent when not permitted — never invented), the photo's
 * sha256 computed on the device and checked on arrival (a mismatch is refused naming the file,
 * nothing stored), the server's receipt time, and a client idempotency key (a retried upload returns
 * the first check-in). The check-in, its photo (an attachment of the check-in) and their audit
 * events are one transaction; a point outside the patrol's data scope is not found.
 */
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import { captureColumns, captureNote, checkCaptureFile, defineCapture, presentLocation, recordCapture, type UploadOf } from '../../core/files/capture.js';
import { OptText } from '../../core/schemas.js';
import { inScope } from '../../core/scope.js';
import type { System } from '../../core/system.js';
import { checkinByKey, getRiskPoint, insertCheckin } from './repository.js';

/** How a check-in is read: the meta the device sends with the photo (the multipart field `meta`, JSON, before the file), its fields' Chinese names, the messages' words. */
const CAPTURE = defineCapture({
  fields: { note: OptText(1000) },
  labels: { key: '打卡编号', sha256: '照片摘要', capturedAt: '打卡时间', note: '巡查情况' },
  metaName: '打卡信息',
  noFile: '请拍摄现场照片',
});

/** A check-in upload: the device's meta and the photo. */
export type CheckinUpload = UploadOf<typeof CAPTURE>;

/** Reads the upload: the JSON field `meta` (before the file) and one photo. */
export const readCheckin = CAPTURE.read;

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

/** Refuses the first check-in of a key when it was at another point (409) or the point is outside the actor's scope (404). */
function replay(ctx: Ctx, pointId: string, first: Row): void {
  if (first.point_id !== pointId) throw errors.duplicate('key', '该打卡编号已用于另一风险点');
  if (!inScope(ctx.actor, first.org_id)) throw errors.notFound('风险点');
}

/**
 * Records a check-in at a risk point: the first one of its key when there is one (`created:
 * false`); otherwise the check-in (audit `flood.checkin.recorded`), its photo attached, in one
 * transaction.
 */
export async function checkIn(sys: System, ctx: Ctx, pointId: string, up: CheckinUpload): Promise<{ view: CheckinView; created: boolean }> {
  const { meta } = up;
  const { row, created } = await recordCapture(ctx, meta.key, {
    byKey: checkinByKey,
    replay: (c, first) => replay(c, pointId, first),
    check: async () => {
      const point = await getRiskPoint(ctx, pointId);
      if (!point) throw errors.notFound('风险点');
      checkCaptureFile(up, { prefixes: ['image/'], refused: `打卡照片应为图片：${up.filename}`, noun: '照片' });
      return point;
    },
    store: async (w, point, receivedAt) => {
      const note = meta.note?.trim() || null;
      // The check-in's table names the device's time for what it is: when the patrol checked in.
      const { captured_at, ...columns } = captureColumns(ctx, meta, receivedAt);
      const id = await insertCheckin(w.tx, {
        ...columns,
        checked_at: captured_at,
        org_id: point.org_id,
        point_id: point.id,
        note,
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
    },
  });
  return { view: presentCheckin(row), created };
}

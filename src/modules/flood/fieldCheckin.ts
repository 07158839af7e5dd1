/**
 * 巡查打卡 — a patrol's check-in at a flood-risk point with the field app: the point, a photo, a
 * note, the device's time and location (absent when not permitted — never invented), the photo's
 * sha256 computed on the device and checked on arrival (a mismatch is refused naming the file,
 * nothing stored), the server's receipt time, and a client idempotency key (a retried upload returns
 * the first check-in). The check-in, its photo (an attachment of the check-in) and their audit
 * events are one transaction; a point outside the patrol's data scope is not found.
 */
import crypto from 'node:crypto';
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { write } from '../../core/audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import { checkFile } from '../../core/files/store.js';
import { assertCleanText } from '../../core/input.js';
import { inScope } from '../../core/scope.js';
import type { System } from '../../core/system.js';
import { checkinByKey, getRiskPoint, insertCheckin } from './repository.js';

/** What the device sends with the photo (the multipart field `meta`, JSON, before the file). */
export const CheckinMeta = Type.Object(
  {
    key: Type.String({ format: 'uuid' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    capturedAt: Type.String({ format: 'date-time' }),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
    accuracy: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CheckinMeta = Static<typeof CheckinMeta>;

const LABELS: Record<string, string> = {
  key: '打卡编号',
  sha256: '照片摘要',
  capturedAt: '打卡时间',
  lat: '纬度',
  lng: '经度',
  accuracy: '定位精度',
  note: '巡查情况',
};

/** Checks a parsed `meta`, naming the first field at fault. */
export function checkCheckinMeta(v: unknown): CheckinMeta {
  if (Value.Check(CheckinMeta, v)) {
    const m = v as CheckinMeta;
    if ((m.lat == null) !== (m.lng == null)) throw errors.validation(m.lat == null ? 'lat' : 'lng', '位置应同时有经度和纬度');
    return m;
  }
  const first = Value.Errors(CheckinMeta, v).find((e) => e.keyword !== 'boolean');
  const extra = (first?.params as { additionalProperties?: string[] } | undefined)?.additionalProperties?.[0];
  const field = extra ?? first?.instancePath.replace(/^\//, '') ?? 'meta';
  throw errors.validation(field || 'meta', extra ? `不接受的字段：${extra}` : `${LABELS[field] ?? field}格式不正确`);
}

/** A check-in upload: the device's meta and the photo. */
export interface CheckinUpload {
  meta: CheckinMeta;
  filename: string;
  mime: string;
  data: Buffer;
}

/** Reads the upload: the JSON field `meta` (before the file) and one photo. */
export async function readCheckin(req: FastifyRequest): Promise<CheckinUpload> {
  const part = await req.file();
  if (!part) throw errors.validation('file', '请拍摄现场照片');
  const data = await part.toBuffer();
  const f = part.fields.meta as { value?: unknown; valueTruncated?: boolean } | undefined;
  if (f?.valueTruncated) throw new AppError('TOO_LARGE', '字段“meta”过长', 413, { field: 'meta' });
  if (typeof f?.value !== 'string') throw errors.validation('meta', '缺少打卡信息（meta 字段应在文件之前）');
  let parsed: unknown;
  try {
    parsed = JSON.parse(f.value);
  } catch {
    throw errors.validation('meta', '打卡信息不是有效的 JSON');
  }
  assertCleanText(parsed, 'meta');
  assertCleanText(part.filename, 'file');
  return { meta: checkCheckinMeta(parsed), filename: part.filename, mime: part.mimetype, data };
}

type Row = NonNullable<Awaited<ReturnType<typeof checkinByKey>>>;
const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));

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
    lat: num(r.lat),
    lng: num(r.lng),
    accuracy: num(r.accuracy_m),
    note: r.note,
    sha256: r.sha256,
    by: r.created_by_name,
  };
}
export type CheckinView = ReturnType<typeof presentCheckin>;

const place = (m: CheckinMeta) =>
  m.lat == null || m.lng == null
    ? '未获取（设备未授权定位）'
    : `${m.lat.toFixed(6)}, ${m.lng.toFixed(6)}${m.accuracy == null ? '' : `（±${Math.round(m.accuracy)} 米）`}`;

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
  const first = await checkinByKey(ctx.db, tenantId, up.meta.key);
  if (first) return { view: replay(ctx, pointId, first), created: false };
  const point = await getRiskPoint(ctx, pointId);
  if (!point) throw errors.notFound('风险点');
  checkFile({ size: up.data.length, mime: up.mime, filename: up.filename });
  if (!up.mime.startsWith('image/')) throw errors.validation('file', `打卡照片应为图片：${up.filename}`);
  if (crypto.createHash('sha256').update(up.data).digest('hex') !== up.meta.sha256)
    throw errors.validation('file', `照片“${up.filename}”在传输中不完整或已被改动（SHA-256 与设备计算的不一致），未保存，请重新上传`);
  const { meta } = up;
  const checkedAt = new Date(meta.capturedAt);
  try {
    return await write(ctx, async (w) => {
      const receivedAt = ctx.clock.now();
      const note = meta.note?.trim() || null;
      const id = await insertCheckin(w.tx, {
        tenant_id: tenantId,
        org_id: point.org_id,
        point_id: point.id,
        key: meta.key,
        checked_at: checkedAt,
        received_at: receivedAt,
        lat: meta.lat ?? null,
        lng: meta.lng ?? null,
        accuracy_m: meta.lat == null ? null : (meta.accuracy ?? null),
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
        note: { pointId: point.id, capturedAt: checkedAt.toISOString(), location: place(meta), receivedAt: receivedAt.toISOString(), sha256: meta.sha256 },
      });
      await addAttachment(sys, w.ctx, { entity: 'flood.checkin', entityId: id, filename: up.filename, mime: up.mime, data: up.data });
      return { view: presentCheckin((await checkinByKey(w.tx, tenantId, meta.key))!), created: true };
    });
  } catch (e) {
    // The same key arrived twice at once: the other request's check-in stands, and is the answer.
    const won = await checkinByKey(ctx.db, tenantId, meta.key);
    if (!won) throw e;
    return { view: replay(ctx, pointId, won), created: false };
  }
}

/**
 * 外勤水质采样 — a water sample recorded on site with the field app: the readings (the same
 * `saveSamples` as the form: GB 3838-2002 class, black-odour grade, the alert to the river's owner),
 * a photo, the device's time and location (absent when not permitted — never invented), the photo's
 * sha256 computed on the device and checked on arrival (a mismatch is refused naming the file,
 * nothing stored), the server's receipt time, and a client idempotency key: a retried upload returns
 * the first record. Sample, photo, capture and their audit events are one transaction.
 */
import crypto from 'node:crypto';
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Value } from 'typebox/value';
import { write } from '../../core/audit/audit.js';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
import type { Ctx } from '../../core/context.js';
import { AppError, errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import { checkFile } from '../../core/files/store.js';
import { assertCleanText } from '../../core/input.js';
import { inScope } from '../../core/scope.js';
import type { System } from '../../core/system.js';
import { saveSamples } from './commands.js';
import { insertSampleCapture, sampleCaptureByKey } from './repository.js';

const Reading = Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()]));

/** What the device sends with the photo (the multipart field `meta`, JSON, before the file). */
export const FieldSampleMeta = Type.Object(
  {
    key: Type.String({ format: 'uuid' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    capturedAt: Type.String({ format: 'date-time' }),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
    accuracy: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()])),
    sample: Type.Object(
      {
        riverId: Type.String({ format: 'uuid' }),
        sectionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
        sampledOn: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
        transparencyCm: Reading,
        depthCm: Reading,
        doMgl: Reading,
        orpMv: Type.Optional(Type.Union([Type.Number({ minimum: -2000, maximum: 2000 }), Type.Null()])),
        nh3nMgl: Reading,
        tpMgl: Reading,
        codMgl: Reading,
        codmnMgl: Reading,
        bod5Mgl: Reading,
        tnMgl: Reading,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type FieldSampleMeta = Static<typeof FieldSampleMeta>;

const LABELS: Record<string, string> = {
  key: '采样编号',
  sha256: '照片摘要',
  capturedAt: '采样时间',
  lat: '纬度',
  lng: '经度',
  accuracy: '定位精度',
  riverId: '河涌',
  sectionId: '断面',
  sampledOn: '采样日期',
};

/** Checks a parsed `meta`, naming the first field at fault. */
export function checkFieldSampleMeta(v: unknown): FieldSampleMeta {
  if (Value.Check(FieldSampleMeta, v)) {
    const m = v as FieldSampleMeta;
    if ((m.lat == null) !== (m.lng == null)) throw errors.validation(m.lat == null ? 'lat' : 'lng', '位置应同时有经度和纬度');
    return m;
  }
  const first = Value.Errors(FieldSampleMeta, v).find((e) => e.keyword !== 'boolean');
  const extra = (first?.params as { additionalProperties?: string[] } | undefined)?.additionalProperties?.[0];
  const field = extra ?? first?.instancePath.split('/').pop() ?? 'meta';
  throw errors.validation(field || 'meta', extra ? `不接受的字段：${extra}` : `${LABELS[field] ?? field}格式不正确`);
}

/** A field sample upload: the device's meta and the photo. */
export interface FieldSampleUpload {
  meta: FieldSampleMeta;
  filename: string;
  mime: string;
  data: Buffer;
}

/** Reads the upload: the JSON field `meta` (before the file) and one photo. */
export async function readFieldSample(req: FastifyRequest): Promise<FieldSampleUpload> {
  const part = await req.file();
  if (!part) throw errors.validation('file', '请拍摄或选择采样照片');
  const data = await part.toBuffer();
  const f = part.fields.meta as { value?: unknown; valueTruncated?: boolean } | undefined;
  if (f?.valueTruncated) throw new AppError('TOO_LARGE', '字段“meta”过长', 413, { field: 'meta' });
  if (typeof f?.value !== 'string') throw errors.validation('meta', '缺少采样信息（meta 字段应在文件之前）');
  let parsed: unknown;
  try {
    parsed = JSON.parse(f.value);
  } catch {
    throw errors.validation('meta', '采样信息不是有效的 JSON');
  }
  assertCleanText(parsed, 'meta');
  assertCleanText(part.filename, 'file');
  return { meta: checkFieldSampleMeta(parsed), filename: part.filename, mime: part.mimetype, data };
}

type Row = NonNullable<Awaited<ReturnType<typeof sampleCaptureByKey>>>;
const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));

/** A field sample as the API answers it. */
export function presentFieldSample(r: Row) {
  return {
    id: r.id,
    key: r.key,
    sampleId: r.sample_id,
    riverId: r.river_id,
    sampledOn: r.sampled_on,
    gbClass: r.gb_class,
    blackGrade: r.black_grade,
    attachmentId: r.attachment_id,
    filename: r.filename,
    sha256: r.sha256,
    capturedAt: new Date(r.captured_at).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    lat: num(r.lat),
    lng: num(r.lng),
    accuracy: num(r.accuracy_m),
  };
}

const place = (m: FieldSampleMeta) =>
  m.lat == null || m.lng == null
    ? '未获取（设备未授权定位）'
    : `${m.lat.toFixed(6)}, ${m.lng.toFixed(6)}${m.accuracy == null ? '' : `（±${Math.round(m.accuracy)} 米）`}`;

/** The first record of a key, when the actor may see its sample. */
function replay(ctx: Ctx, first: Row) {
  if (!inScope(ctx.actor, first.org_id)) throw errors.duplicate('key', '该采样编号已被使用');
  return presentFieldSample(first);
}

/**
 * Records a field sample with its photo: the first record of its key when there is one
 * (`created: false`); otherwise the sample (saveSamples, live), the photo attached to it, the
 * capture with its receipt time and an audit event `field_recorded` carrying device time,
 * location, receipt time and hash — one transaction.
 */
export async function recordFieldSample(
  sys: System,
  ctx: Ctx,
  up: FieldSampleUpload,
): Promise<{ view: ReturnType<typeof presentFieldSample>; created: boolean }> {
  const tenantId = ctx.actor.tenantId;
  const first = await sampleCaptureByKey(ctx.db, tenantId, up.meta.key);
  if (first) return { view: replay(ctx, first), created: false };
  checkFile({ size: up.data.length, mime: up.mime, filename: up.filename });
  if (!up.mime.startsWith('image/')) throw errors.validation('file', `采样照片应为图片：${up.filename}`);
  if (crypto.createHash('sha256').update(up.data).digest('hex') !== up.meta.sha256)
    throw errors.validation('file', `照片“${up.filename}”在传输中不完整或已被改动（SHA-256 与设备计算的不一致），未保存，请重新上传`);
  const { meta } = up;
  const capturedAt = new Date(meta.capturedAt);
  try {
    return await write(ctx, async (w) => {
      const sampledOn = meta.sample.sampledOn || isoDateInShanghai(capturedAt);
      const saved = await saveSamples(w.ctx, w, [{ ...meta.sample, sampledOn }], { mode: 'live', via: 'field' });
      const sample = saved.out[0]!.sample;
      const file = await addAttachment(sys, w.ctx, { entity: 'rivers.sample', entityId: sample.id, filename: up.filename, mime: up.mime, data: up.data });
      const receivedAt = ctx.clock.now();
      await insertSampleCapture(w.tx, {
        tenant_id: tenantId,
        org_id: sample.org_id,
        sample_id: sample.id,
        key: meta.key,
        attachment_id: file.id,
        sha256: file.sha256,
        captured_at: capturedAt,
        received_at: receivedAt,
        lat: meta.lat ?? null,
        lng: meta.lng ?? null,
        accuracy_m: meta.lat == null ? null : (meta.accuracy ?? null),
        created_by: ctx.actor.userId,
      });
      await w.audit({
        entity: 'rivers.sample',
        entityId: sample.id,
        action: 'field_recorded',
        orgId: sample.org_id,
        note: {
          filename: up.filename,
          capturedAt: capturedAt.toISOString(),
          location: place(meta),
          receivedAt: receivedAt.toISOString(),
          sha256: file.sha256,
          attachmentId: file.id,
        },
      });
      return { view: presentFieldSample((await sampleCaptureByKey(w.tx, tenantId, meta.key))!), created: true };
    });
  } catch (e) {
    // The same key arrived twice at once: the other request's record stands, and is the answer.
    const won = await sampleCaptureByKey(ctx.db, tenantId, meta.key);
    if (!won) throw e;
    return { view: replay(ctx, won), created: false };
  }
}

/**
 * 外勤水质采样 — a water sample recorded on site with the field app: the readings (the same
 * `saveSamples` as the form: GB 3838-2002 class, black-odour grade, the alert to the river's owner),
 * a photo, the device's time and location (absent when not permitted — never invented), the photo's
 * sha256 computed on the device and checked on arrival (a mismatch is refused naming the file,
 * nothing stored), the server's receipt time, and a client idempotency key: a retried upload returns
 * the first record. Sample, photo, capture and their audit events are one transaction.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { write } from '../../core/audit/audit.js';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
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
import { SAMPLE_COLUMNS, saveSamples } from './commands.js';
import { insertSampleCapture, sampleCaptureByKey } from './repository.js';

const Reading = Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()]));

/** What the device sends with the photo (the multipart field `meta`, JSON, before the file). */
export const FieldSampleMeta = Type.Object(
  {
    ...CAPTURE_FIELDS,
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

const SPEC: CaptureSpec<typeof FieldSampleMeta> = {
  schema: FieldSampleMeta,
  // The readings named as the sample ledger's columns (溶解氧 (mg/L) …), never their keys.
  labels: { ...SAMPLE_COLUMNS, key: '采样编号', sha256: '照片摘要', capturedAt: '采样时间', riverId: '河涌', sectionId: '断面', sampledOn: '采样日期' },
  metaName: '采样信息',
  noFile: '请拍摄或选择采样照片',
};

/** A field sample upload: the device's meta and the photo. */
export type FieldSampleUpload = CaptureUpload<FieldSampleMeta>;

/** Reads the upload: the JSON field `meta` (before the file) and one photo. */
export function readFieldSample(req: FastifyRequest): Promise<FieldSampleUpload> {
  return readCapture(req, SPEC);
}

type Row = NonNullable<Awaited<ReturnType<typeof sampleCaptureByKey>>>;

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
    ...presentLocation(r),
  };
}

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
  const { meta } = up;
  const capturedAt = new Date(meta.capturedAt);
  return captureOnce({
    find: () => sampleCaptureByKey(ctx.db, tenantId, meta.key),
    replay: (first) => replay(ctx, first),
    check: () => checkCaptureFile(up, { prefixes: ['image/'], refused: `采样照片应为图片：${up.filename}`, noun: '照片' }),
    create: () =>
      write(ctx, async (w) => {
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
          ...captureLocation(meta),
          created_by: ctx.actor.userId,
        });
        await w.audit({
          entity: 'rivers.sample',
          entityId: sample.id,
          action: 'field_recorded',
          orgId: sample.org_id,
          note: {
            filename: up.filename,
            ...captureNote(meta, receivedAt),
            attachmentId: file.id,
          },
        });
        return { view: presentFieldSample((await sampleCaptureByKey(w.tx, tenantId, meta.key))!), created: true };
      }),
  });
}

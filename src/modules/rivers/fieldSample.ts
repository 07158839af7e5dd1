/**
 * 外勤水质采样 — a water sample recorded on site with the field app: the readings (the same
 * `saveSamples` as the form: GB 3838-2002 class, black-odour grade, the alert to the river's owner),
 * a photo, the device's time and location (absent when not permitted — never invented), the photo's
 * sha256 computed on the device and checked on arrival (a mismatch is refused naming the file,
 * nothing stored), the server's receipt time, and a client idempotency key: a retried upload returns
 * the first record. Sample, photo, capture and their audit events are one transaction.
 */
import { Type } from '@fastify/type-provider-typebox';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import { captureColumns, captureNote, checkCaptureFile, defineCapture, presentLocation, recordCapture, type UploadOf } from '../../core/files/capture.js';
import { Opt, OptText, OptUuid } from '../../core/schemas.js';
import { inScope } from '../../core/scope.js';
import type { System } from '../../core/system.js';
import { SAMPLE_COLUMNS, saveSamples } from './commands.js';
import { insertSampleCapture, sampleCaptureByKey } from './repository.js';

const Reading = Opt(Type.Number({ minimum: 0, maximum: 100000 }));

/** How a field sample is read: the meta the device sends with the photo (the multipart field `meta`, JSON, before the file), its fields' Chinese names, the messages' words. */
const CAPTURE = defineCapture({
  fields: {
    sample: Type.Object(
      {
        riverId: Type.String({ format: 'uuid' }),
        sectionId: OptUuid(),
        sampledOn: OptText(10),
        transparencyCm: Reading,
        depthCm: Reading,
        doMgl: Reading,
        orpMv: Opt(Type.Number({ minimum: -2000, maximum: 2000 })),
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
  // The readings named as the sample ledger's columns (溶解氧 (mg/L) …), never their keys.
  labels: { ...SAMPLE_COLUMNS, key: '采样编号', sha256: '照片摘要', capturedAt: '采样时间', riverId: '河涌', sectionId: '断面', sampledOn: '采样日期' },
  metaName: '采样信息',
  noFile: '请拍摄或选择采样照片',
});

/** A field sample upload: the device's meta and the photo. */
export type FieldSampleUpload = UploadOf<typeof CAPTURE>;

/** Reads the upload: the JSON field `meta` (before the file) and one photo. */
export const readFieldSample = CAPTURE.read;

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

/** Refuses the first record of a key when the actor may not see its sample (409: the key is taken). */
function replay(ctx: Ctx, first: Row): void {
  if (!inScope(ctx.actor, first.org_id)) throw errors.duplicate('key', '该采样编号已被使用');
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
  const { meta } = up;
  const { row, created } = await recordCapture(ctx, meta.key, {
    byKey: sampleCaptureByKey,
    replay,
    check: () => checkCaptureFile(up, { prefixes: ['image/'], refused: `采样照片应为图片：${up.filename}`, noun: '照片' }),
    store: async (w, _checked, receivedAt) => {
      const sampledOn = meta.sample.sampledOn || isoDateInShanghai(new Date(meta.capturedAt));
      const saved = await saveSamples(w.ctx, w, [{ ...meta.sample, sampledOn }], { mode: 'live', via: 'field' });
      const sample = saved.out[0]!.sample;
      const file = await addAttachment(sys, w.ctx, { entity: 'rivers.sample', entityId: sample.id, filename: up.filename, mime: up.mime, data: up.data });
      await insertSampleCapture(w.tx, { ...captureColumns(ctx, meta, receivedAt), org_id: sample.org_id, sample_id: sample.id, attachment_id: file.id });
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
    },
  });
  return { view: presentFieldSample(row), created };
}

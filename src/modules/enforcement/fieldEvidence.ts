/**
 * 现场取证 — photos and videos an officer takes on a penalty case with the field app. Each capture
 * carries what the device knew: the time it was taken, the location when the officer permitted it
 * (absent otherwise — never invented), the sha256 computed on the device, and a client-generated
 * idempotency key. On arrival the bytes are hashed again (a mismatch is refused naming the file,
 * nothing stored); the file is attached to the case and registered as evidence through the case's own
 * `add_evidence` event (the same matrix, guards and audit as the desktop), the server's receipt
 * time recorded, and an audit event `evidence_captured` puts device time, location, receipt time and
 * hash in the 执法全过程记录 — all in one transaction. A retried upload with the same key returns
 * the first record (行政处罚法第四十六条: 视听资料、电子数据 are evidence; 第四十七条: the whole
 * process is recorded).
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
import type { System } from '../../core/system.js';
import { applyCaseEvent } from './commands/caseCommands.js';
import type { CASE_EVENTS } from './commands/caseEvents.js';
import { captureByKey, capturesOfCase, evidenceOfAttachment, getCase, insertCapture, lockCase } from './repository.js';

/** What the device sends with each file (the multipart field `meta`, JSON, before the file). */
export const CaptureMeta = Type.Object(
  {
    /** The client's idempotency key (a UUID generated when the photo was taken). */
    key: Type.String({ format: 'uuid' }),
    /** sha256 of the file as the device computed it (SubtleCrypto), lower-case hex. */
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    /** When the device took it (its own clock, ISO 8601 with offset). */
    capturedAt: Type.String({ format: 'date-time' }),
    lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
    lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
    /** The location's accuracy radius (m), as the Geolocation API reports it. */
    accuracy: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 100000 }), Type.Null()])),
    title: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CaptureMeta = Static<typeof CaptureMeta>;

/** The Chinese name of each meta field, for error messages. */
const META_LABELS: Record<string, string> = {
  key: '取证编号',
  sha256: '文件摘要',
  capturedAt: '拍摄时间',
  lat: '纬度',
  lng: '经度',
  accuracy: '定位精度',
  title: '证据名称',
  note: '说明',
};

/** A capture as the route received it: the device's meta, the file's name, type and bytes. */
export interface Capture {
  meta: CaptureMeta;
  filename: string;
  mime: string;
  data: Buffer;
}

/** Checks a parsed `meta` against {@link CaptureMeta}, naming the first field at fault. */
export function checkCaptureMeta(v: unknown): CaptureMeta {
  if (Value.Check(CaptureMeta, v)) {
    const m = v as CaptureMeta;
    if ((m.lat == null) !== (m.lng == null)) throw errors.validation(m.lat == null ? 'lat' : 'lng', '位置应同时有经度和纬度');
    return m;
  }
  const first = Value.Errors(CaptureMeta, v).find((e) => e.keyword !== 'boolean');
  const extra = (first?.params as { additionalProperties?: string[] } | undefined)?.additionalProperties?.[0];
  const field = extra ?? first?.instancePath.replace(/^\//, '') ?? 'meta';
  throw errors.validation(field || 'meta', extra ? `不接受的字段：${extra}` : `${META_LABELS[field] ?? field}格式不正确`);
}

/**
 * Reads a capture upload: the JSON field `meta` (sent before the file) and one file. A field cut
 * by the parser, a meta that is not JSON or not the schema, or control characters are refused.
 */
export async function readCapture(req: FastifyRequest): Promise<Capture> {
  const part = await req.file();
  if (!part) throw errors.validation('file', '请选择要上传的照片或视频');
  const data = await part.toBuffer();
  const f = part.fields.meta as { value?: unknown; valueTruncated?: boolean } | undefined;
  if (f?.valueTruncated) throw new AppError('TOO_LARGE', '字段“meta”过长', 413, { field: 'meta' });
  if (typeof f?.value !== 'string') throw errors.validation('meta', '缺少拍摄信息（meta 字段应在文件之前）');
  let parsed: unknown;
  try {
    parsed = JSON.parse(f.value);
  } catch {
    throw errors.validation('meta', '拍摄信息不是有效的 JSON');
  }
  assertCleanText(parsed, 'meta');
  assertCleanText(part.filename, 'file');
  return { meta: checkCaptureMeta(parsed), filename: part.filename, mime: part.mimetype, data };
}

/** Refuses a file whose bytes do not hash to what the device computed (nothing is stored). */
export function checkCaptureHash(c: Pick<Capture, 'meta' | 'filename' | 'data'>): void {
  const got = crypto.createHash('sha256').update(c.data).digest('hex');
  if (got !== c.meta.sha256) throw errors.validation('file', `文件“${c.filename}”在传输中不完整或已被改动（SHA-256 与设备计算的不一致），未保存，请重新上传`);
}

/** Checks the file is a photo or video the case file may hold; the evidence kind it is. */
function captureKind(c: Capture): 'photo' | 'audio' {
  checkFile({ size: c.data.length, mime: c.mime, filename: c.filename });
  if (c.mime.startsWith('image/')) return 'photo';
  if (c.mime.startsWith('video/')) return 'audio';
  throw errors.validation('file', `现场取证只接受照片或视频：${c.filename}`);
}

type CaptureRow = NonNullable<Awaited<ReturnType<typeof captureByKey>>>;
const num = (v: string | number | null) => (v === null || v === undefined ? null : Number(v));
const iso = (v: Date | string) => new Date(v).toISOString();

/** A capture as the API answers it. */
export function presentCapture(r: CaptureRow) {
  return {
    id: r.id,
    key: r.key,
    caseId: r.case_id,
    evidenceId: r.evidence_id,
    attachmentId: r.attachment_id,
    kind: r.kind,
    title: r.title,
    note: r.note,
    filename: r.filename,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    capturedAt: iso(r.captured_at),
    receivedAt: iso(r.received_at),
    lat: num(r.lat),
    lng: num(r.lng),
    accuracy: num(r.accuracy_m),
  };
}
export type CaptureView = ReturnType<typeof presentCapture>;

/** A place as the record prints it: “纬度, 经度（±精度 m）”, or null when the device gave none. */
export function placeText(m: { lat?: number | null; lng?: number | null; accuracy?: number | null }): string | null {
  if (m.lat == null || m.lng == null) return null;
  return `${m.lat.toFixed(6)}, ${m.lng.toFixed(6)}${m.accuracy == null ? '' : `（±${Math.round(m.accuracy)} 米）`}`;
}

/** The first record of a key, when it was for this case and the actor may see it (404 / 409 otherwise). */
async function replay(ctx: Ctx, caseId: string, first: CaptureRow): Promise<CaptureView> {
  if (first.case_id !== caseId) throw errors.duplicate('key', '该取证编号已用于另一案件的证据');
  if (!(await getCase(ctx.db, ctx.actor, caseId))) throw errors.notFound('案件');
  return presentCapture(first);
}

/**
 * Registers a field capture on a case: the first record of its key when there is one
 * (`created: false`), otherwise the file attached, the evidence added through `add_evidence`,
 * the capture recorded with its receipt time and the `evidence_captured` event — one transaction.
 */
export async function captureCaseEvidence(sys: System, ctx: Ctx, caseId: string, capture: Capture): Promise<{ view: CaptureView; created: boolean }> {
  const tenantId = ctx.actor.tenantId;
  const first = await captureByKey(ctx.db, tenantId, capture.meta.key);
  if (first) return { view: await replay(ctx, caseId, first), created: false };
  const kind = captureKind(capture);
  checkCaptureHash(capture);
  const { meta } = capture;
  const capturedAt = new Date(meta.capturedAt);
  try {
    return await write(ctx, async (w) => {
      // Captures of one case are registered one after another: a retry that arrives while the
      // first is being stored waits for it here and then returns it.
      if (!(await lockCase(w.tx, tenantId, caseId))) throw errors.notFound('案件');
      const raced = await captureByKey(w.tx, tenantId, meta.key);
      if (raced) return { view: await replay(w.ctx, caseId, raced), created: false };
      const c = await getCase(w.tx, ctx.actor, caseId);
      if (!c) throw errors.notFound('案件');
      const file = await addAttachment(sys, w.ctx, {
        entity: 'enforcement.case',
        entityId: c.id,
        filename: capture.filename,
        mime: capture.mime,
        data: capture.data,
      });
      const title = meta.title?.trim() || `现场${kind === 'photo' ? '照片' : '视频'}：${capture.filename}`;
      const place = placeText(meta);
      const input: Static<(typeof CASE_EVENTS)['add_evidence']['input']> = {
        version: c.version,
        kind,
        title,
        collectedOn: isoDateInShanghai(capturedAt),
        note: meta.note?.trim() || null,
        attachmentId: file.id,
      };
      await applyCaseEvent(sys, w.ctx, { id: c.id, event: 'add_evidence' }, input);
      const evidenceId = (await evidenceOfAttachment(w.tx, tenantId, file.id))!;
      const receivedAt = ctx.clock.now();
      await insertCapture(w.tx, {
        tenant_id: tenantId,
        org_id: c.org_id,
        case_id: c.id,
        key: meta.key,
        evidence_id: evidenceId,
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
        entity: 'enforcement.case',
        entityId: c.id,
        action: 'evidence_captured',
        orgId: c.org_id,
        note: {
          evidence: title,
          filename: capture.filename,
          capturedAt: capturedAt.toISOString(),
          location: place ?? '未获取（设备未授权定位）',
          receivedAt: receivedAt.toISOString(),
          sha256: file.sha256,
          evidenceId,
          attachmentId: file.id,
        },
      });
      const row = await captureByKey(w.tx, tenantId, meta.key);
      return { view: presentCapture(row!), created: true };
    });
  } catch (e) {
    // The same key arrived twice at once: the other request's record stands, and is the answer
    // (this one lost on the key, or on the case's version the other had just moved on).
    const won = await captureByKey(ctx.db, tenantId, meta.key);
    if (!won) throw e;
    return { view: await replay(ctx, caseId, won), created: false };
  }
}

/** A case's field captures in capture order (404 outside the actor's scope). */
export async function listCaseCaptures(ctx: Ctx, caseId: string): Promise<CaptureView[]> {
  const c = await getCase(ctx.db, ctx.actor, caseId);
  if (!c) throw errors.notFound('案件');
  return (await capturesOfCase(ctx.db, ctx.actor.tenantId, c.id)).map(presentCapture);
}

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
import type { Static } from '@fastify/type-provider-typebox';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import { captureColumns, captureNote, checkCaptureFile, defineCapture, presentLocation, recordCapture, type UploadOf } from '../../core/files/capture.js';
import { OptText } from '../../core/schemas.js';
import type { System } from '../../core/system.js';
import { applyCaseEvent } from './commands/caseCommands.js';
import type { CASE_EVENTS } from './commands/caseEvents.js';
import { captureByKey, capturesOfCase, evidenceOfAttachment, getCase, insertCapture, lockCase } from './repository.js';

/** How a case capture is read: the meta the device sends with each file (the multipart field `meta`, JSON, before the file), the Chinese name of each field, the words of the messages. */
const CAPTURE = defineCapture({
  fields: {
    title: OptText(200),
    note: OptText(1000),
  },
  labels: { key: '取证编号', sha256: '文件摘要', capturedAt: '拍摄时间', title: '证据名称', note: '说明' },
  metaName: '拍摄信息',
  noFile: '请选择要上传的照片或视频',
});

/** A capture as the route received it: the device's meta, the file's name, type and bytes. */
export type Capture = UploadOf<typeof CAPTURE>;

/** Reads a capture upload: the JSON field `meta` (sent before the file) and one file. A field cut by the parser, a meta that is not JSON or not the schema, or control characters are refused. */
export const readCapture = CAPTURE.read;

/** Checks the file is a photo or video the case file may hold, and its hash; the evidence kind it is. */
function captureKind(c: Capture): 'photo' | 'audio' {
  checkCaptureFile(c, { prefixes: ['image/', 'video/'], refused: `现场取证只接受照片或视频：${c.filename}`, noun: '文件' });
  return c.mime.startsWith('image/') ? 'photo' : 'audio';
}

type CaptureRow = NonNullable<Awaited<ReturnType<typeof captureByKey>>>;
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
    ...presentLocation(r),
  };
}
export type CaptureView = ReturnType<typeof presentCapture>;

/** Refuses the first record of a key when it was for another case (409) or the actor may not see the case (404). */
async function replay(ctx: Ctx, caseId: string, first: CaptureRow): Promise<void> {
  if (first.case_id !== caseId) throw errors.duplicate('key', '该取证编号已用于另一案件的证据');
  if (!(await getCase(ctx.db, ctx.actor, caseId))) throw errors.notFound('案件');
}

/**
 * Registers a field capture on a case: the first record of its key when there is one
 * (`created: false`), otherwise the file attached, the evidence added through `add_evidence`,
 * the capture recorded with its receipt time and the `evidence_captured` event — one transaction.
 */
export async function captureCaseEvidence(sys: System, ctx: Ctx, caseId: string, capture: Capture): Promise<{ view: CaptureView; created: boolean }> {
  const tenantId = ctx.actor.tenantId;
  const { meta } = capture;
  const { row, created } = await recordCapture(ctx, meta.key, {
    // A failed create with a record of the key now there: this one lost on the key, or on the
    // case's version the other had just moved on.
    byKey: captureByKey,
    replay: (c, first) => replay(c, caseId, first),
    check: () => captureKind(capture),
    // Captures of one case are registered one after another: a retry that arrives while the
    // first is being stored waits for it here and then returns it.
    lock: async (w) => {
      if (!(await lockCase(w.tx, tenantId, caseId))) throw errors.notFound('案件');
    },
    store: async (w, kind, receivedAt) => {
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
      const input: Static<(typeof CASE_EVENTS)['add_evidence']['input']> = {
        version: c.version,
        kind,
        title,
        collectedOn: isoDateInShanghai(new Date(meta.capturedAt)),
        note: meta.note?.trim() || null,
        attachmentId: file.id,
      };
      await applyCaseEvent(sys, w.ctx, { id: c.id, event: 'add_evidence' }, input);
      const evidenceId = (await evidenceOfAttachment(w.tx, tenantId, file.id))!;
      await insertCapture(w.tx, { ...captureColumns(ctx, meta, receivedAt), org_id: c.org_id, case_id: c.id, evidence_id: evidenceId, attachment_id: file.id });
      await w.audit({
        entity: 'enforcement.case',
        entityId: c.id,
        action: 'evidence_captured',
        orgId: c.org_id,
        note: {
          evidence: title,
          filename: capture.filename,
          ...captureNote(meta, receivedAt),
          evidenceId,
          attachmentId: file.id,
        },
      });
    },
  });
  return { view: presentCapture(row), created };
}

/** A case's field captures in capture order (404 outside the actor's scope). */
export async function listCaseCaptures(ctx: Ctx, caseId: string): Promise<CaptureView[]> {
  const c = await getCase(ctx.db, ctx.actor, caseId);
  if (!c) throw errors.notFound('案件');
  return (await capturesOfCase(ctx.db, ctx.actor.tenantId, c.id)).map(presentCapture);
}
